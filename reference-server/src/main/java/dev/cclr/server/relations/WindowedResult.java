package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What Limit, Offset and Tail share: they pass a window of another result's rows through, so the
 * schema is the input's; a batch they make themselves (a slice or a copy) is theirs to close, before
 * they hand out the next one and at the end, and closing them closes the input.
 */
abstract class WindowedResult implements RelationResult {
  protected final RelationResult input;
  private VectorSchemaRoot owned;

  WindowedResult(RelationResult input) {
    this.input = input;
  }

  @Override
  public final DataType sparkSchema() {
    return input.sparkSchema();
  }

  @Override
  public final Schema arrowSchema() {
    return input.arrowSchema();
  }

  /** Hands out a batch this result made; it is closed on the next {@link #releaseOwned()} or at close. */
  protected final VectorSchemaRoot own(VectorSchemaRoot made) {
    owned = made;
    return made;
  }

  /** Rows {@code [from, from + count)} of an input batch, as a slice this result owns. */
  protected final VectorSchemaRoot slice(VectorSchemaRoot batch, int from, int count) {
    VectorSchemaRoot slice = batch.slice(from, count);
    // A batch without columns (an empty Project) has no vector to carry the row count.
    slice.setRowCount(count);
    return own(slice);
  }

  /** Closes the batch handed out last, if this result made it; call first in {@code nextBatch}. */
  protected final void releaseOwned() {
    if (owned != null) {
      owned.close();
      owned = null;
    }
  }

  /** What else a subclass holds, closed before the input. */
  protected void closeOwnResources() {}

  @Override
  public final void close() {
    try {
      releaseOwned();
      closeOwnResources();
    } finally {
      input.close();
    }
  }
}
