package dev.cclr.server.execution;

/**
 * How an execution cuts its result into ArrowBatch responses, as Spark does: at most
 * maxRecordsPerBatch rows (spark.sql.execution.arrow.maxRecordsPerBatch; no limit when 0 or
 * less) and about maxBatchBytes of Arrow data per batch; with result chunking allowed by the
 * client, each batch's bytes are further split into pieces of at most maxChunkBytes, every piece
 * carrying chunk_index and num_chunks_in_batch.
 */
record ResultFormat(int maxRecordsPerBatch, long maxBatchBytes, boolean chunking, long maxChunkBytes) {

  /**
   * The piece size Spark uses: the client's preferred size when it lies in [1 KiB, server
   * maximum], else the server maximum.
   */
  static long chunkSize(Long preferred, long serverMax) {
    if (preferred != null && preferred >= 1024 && preferred <= serverMax) {
      return preferred;
    }
    return serverMax;
  }
}
