package dev.cclr.server.relations;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The first {@code limit} rows of another result; the batch that crosses the limit is sliced. Once
 * the limit is reached the rest of the input is still read (and discarded) before the end, so that
 * a fault in a later chunk fails the call as it fails on Spark, after the rows already sent.
 */
final class LimitResult extends WindowedResult {

  private long remaining;

  LimitResult(RelationResult input, long limit) {
    super(input);
    this.remaining = limit;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    releaseOwned();
    if (remaining <= 0) {
      input.drainRest();
      return null;
    }
    VectorSchemaRoot batch = input.nextBatch();
    if (batch == null) {
      return null;
    }
    if (batch.getRowCount() <= remaining) {
      remaining -= batch.getRowCount();
      return batch;
    }
    int rows = (int) remaining;
    remaining = 0;
    return slice(batch, 0, rows);
  }
}
