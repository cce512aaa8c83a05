package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Offset: every row of another result but the first {@code offset}; skipped rows are never sent. */
final class OffsetResult implements RelationResult {

  private final RelationResult input;
  private long toSkip;
  private VectorSchemaRoot slice;

  OffsetResult(RelationResult input, long offset) {
    this.input = input;
    this.toSkip = offset;
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
    while (true) {
      VectorSchemaRoot batch = input.nextBatch();
      if (batch == null || toSkip == 0) {
        return batch;
      }
      if (batch.getRowCount() <= toSkip) {
        toSkip -= batch.getRowCount();
        continue;
      }
      int from = (int) toSkip;
      toSkip = 0;
      slice = batch.slice(from, batch.getRowCount() - from);
      // A batch without columns (an empty Project) has no vector to carry the row count.
      slice.setRowCount(batch.getRowCount() - from);
      return slice;
    }
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
