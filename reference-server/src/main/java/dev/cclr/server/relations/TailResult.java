package dev.cclr.server.relations;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Tail: the last {@code limit} rows of another result. The input is read to its end once; only
 * rows that can still be among the last {@code limit} are kept, as copies, because the input
 * reuses its batch buffers.
 */
final class TailResult extends WindowedResult {

  private final long limit;
  private final BufferAllocator allocator;
  private final Deque<VectorSchemaRoot> kept = new ArrayDeque<>();
  private boolean drained;

  TailResult(RelationResult input, long limit, BufferAllocator allocator) {
    super(input);
    this.limit = limit;
    this.allocator = allocator;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    releaseOwned();
    if (!drained) {
      drain();
    }
    return own(kept.pollFirst());
  }

  private void drain() {
    drained = true;
    long keptRows = 0;
    VectorSchemaRoot batch;
    while (limit > 0 && (batch = input.nextBatch()) != null) {
      int rows = batch.getRowCount();
      int take = (int) Math.min(rows, limit);
      kept.addLast(copy(batch, rows - take, take));
      keptRows += take;
      while (keptRows - kept.peekFirst().getRowCount() >= limit) {
        VectorSchemaRoot dropped = kept.pollFirst();
        keptRows -= dropped.getRowCount();
        dropped.close();
      }
    }
    if (keptRows > limit) {
      VectorSchemaRoot first = kept.pollFirst();
      int excess = (int) (keptRows - limit);
      kept.addFirst(copy(first, excess, first.getRowCount() - excess));
      first.close();
    }
  }

  private VectorSchemaRoot copy(VectorSchemaRoot from, int start, int length) {
    VectorSchemaRoot to = VectorSchemaRoot.create(from.getSchema(), allocator);
    try {
      for (int c = 0; c < from.getFieldVectors().size(); c++) {
        FieldVector target = to.getVector(c);
        target.setInitialCapacity(length);
        target.allocateNew();
        TransferPair pair = from.getVector(c).makeTransferPair(target);
        for (int r = 0; r < length; r++) {
          pair.copyValueSafe(start + r, r);
        }
        target.setValueCount(length);
      }
      to.setRowCount(length);
      return to;
    } catch (RuntimeException e) {
      to.close();
      throw e;
    }
  }

  @Override
  protected void closeOwnResources() {
    try {
      kept.forEach(VectorSchemaRoot::close);
      kept.clear();
    } finally {
      allocator.close();
    }
  }
}
