package dev.cclr.server.relations;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Offset: every row of another result but the first {@code offset}; skipped rows are never sent. */
final class OffsetResult extends WindowedResult {

  private long toSkip;

  OffsetResult(RelationResult input, long offset) {
    super(input);
    this.toSkip = offset;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    releaseOwned();
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
      return slice(batch, from, batch.getRowCount() - from);
    }
  }
}
