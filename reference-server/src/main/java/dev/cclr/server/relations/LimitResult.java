package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The first {@code limit} rows of another result. Input is pulled only while rows are still
 * wanted; the batch that crosses the limit is sliced.
 */
final class LimitResult implements RelationResult {

  private final RelationResult input;
  private long remaining;
  private VectorSchemaRoot slice;

  LimitResult(RelationResult input, long limit) {
    this.input = input;
    this.remaining = limit;
  }

  @Override
  public DataType sparkSchema() {
    return input.sparkSchema();
  }

  @Override
  public Schema arrowSchema() {
    return input.arrowSchema();
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    closeSlice();
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
    slice = batch.slice(0, (int) remaining);
    // A batch without columns (an empty Project) has no vector to carry the row count.
    slice.setRowCount((int) remaining);
    remaining = 0;
    return slice;
  }

  private void closeSlice() {
    if (slice != null) {
      slice.close();
      slice = null;
    }
  }

  @Override
  public void close() {
    try {
      closeSlice();
    } finally {
      input.close();
    }
  }
}
