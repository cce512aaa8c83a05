package dev.cclr.server.relations;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The first {@code limit} rows of another result. Input is pulled only while rows are still
 * wanted; the batch that crosses the limit is sliced.
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
