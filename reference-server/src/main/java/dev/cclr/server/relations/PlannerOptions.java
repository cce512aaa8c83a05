package dev.cclr.server.relations;

import dev.cclr.server.relations.ipc.DecompressionLimit;

/**
 * Tuning of {@link ReferenceRelationPlanner}.
 *
 * @param decodeBeforeResult when true, planning decodes (and converts) every batch once and
 *     discards it before returning the result, so that data errors (a truncated batch, a cast
 *     overflow) are raised at planning time as Spark raises them, at the cost of reading the
 *     data twice. When false only the checks Spark makes on schemas are done up front and data
 *     errors surface from {@code nextBatch()}.
 * @param maxBytesPerRelation the most Arrow memory one result may hold at once (decoded
 *     batches, decompression buffers); beyond it reading fails instead of exhausting memory.
 * @param maxDecompressedBatchBytes the most bytes one compressed record batch may declare
 *     uncompressed (further bounded by the session's localRelationChunkSizeLimit); a batch
 *     declaring more is refused before it is decompressed (SRV-SEC-007).
 */
public record PlannerOptions(boolean decodeBeforeResult, long maxBytesPerRelation, long maxDecompressedBatchBytes) {

  /** Schema checks up front, data streamed; at most 4 GiB of Arrow memory per result, 256 MiB per decompressed batch. */
  public static final PlannerOptions DEFAULT = new PlannerOptions(false, 4L << 30);

  /** With the default limit on decompressed batches. */
  public PlannerOptions(boolean decodeBeforeResult, long maxBytesPerRelation) {
    this(decodeBeforeResult, maxBytesPerRelation, DecompressionLimit.DEFAULT_MAX_BATCH_BYTES);
  }

  public PlannerOptions {
    if (maxBytesPerRelation <= 0) {
      throw new IllegalArgumentException("maxBytesPerRelation must be positive");
    }
    if (maxDecompressedBatchBytes <= 0) {
      throw new IllegalArgumentException("maxDecompressedBatchBytes must be positive");
    }
  }

  /** The same options with another limit on decompressed batches. */
  public PlannerOptions withMaxDecompressedBatchBytes(long bytes) {
    return new PlannerOptions(decodeBeforeResult, maxBytesPerRelation, bytes);
  }
}
