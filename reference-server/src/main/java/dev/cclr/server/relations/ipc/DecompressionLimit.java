package dev.cclr.server.relations.ipc;

import dev.cclr.server.errors.SparkError;

/**
 * The bound on what one compressed record batch may expand to (SRV-SEC-007). The reference server
 * refuses a batch whose buffers together declare more than the smaller of the
 * session's localRelationChunkSizeLimit (an uncompressed chunk holding that batch would have been
 * refused too) and the operator's --max-decompressed-batch-size.
 */
public final class DecompressionLimit {

  /** The operator default: 256 MiB per batch, many times the batches clients write. */
  public static final long DEFAULT_MAX_BATCH_BYTES = 256L << 20;

  private DecompressionLimit() {}

  /**
   * The batch declares more than the limit. INTERNAL, as every data error of the relation (the
   * TCK case compression-declared-length-too-large expects that code), with an error class of
   * the reference server's own and SQLSTATE 54000 (program limit exceeded), the state of Spark's
   * size-limit errors.
   */
  static SparkError exceeded(long declaredBytes, long limit) {
    return SparkError.builder("CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED")
        .sqlState("54000")
        .reason("org.apache.spark.SparkRuntimeException")
        .param("declaredBytes", declaredBytes)
        .param("limit", limit)
        .text("A compressed record batch declares " + declaredBytes + " bytes uncompressed, more than the"
            + " limit of " + limit + " bytes per batch; it was not decompressed.")
        .build();
  }
}
