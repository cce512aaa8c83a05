package dev.cclr.server.relations;

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
 */
public record PlannerOptions(boolean decodeBeforeResult, long maxBytesPerRelation) {

  /** Schema checks up front, data streamed; at most 4 GiB of Arrow memory per result. */
  public static final PlannerOptions DEFAULT = new PlannerOptions(false, 4L << 30);

  public PlannerOptions {
    if (maxBytesPerRelation <= 0) {
      throw new IllegalArgumentException("maxBytesPerRelation must be positive");
    }
  }
}
