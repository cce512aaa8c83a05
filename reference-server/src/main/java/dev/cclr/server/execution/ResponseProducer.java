package dev.cclr.server.execution;

import com.google.protobuf.ByteString;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.server.relations.RelationResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Produces an execution's responses one at a time, only when asked, so that nothing runs ahead
 * of the client: first the schema response (planning happens here, so planning errors end the
 * stream like Spark's), then ArrowBatch responses cut per {@link ResultFormat} with start_offset
 * counting rows, a single empty batch when the result has no rows, and ResultComplete last for a
 * reattachable execution. At most one planner batch and one encoded batch are held at a time.
 * Session, operation and response ids are added by the {@link Operation}.
 */
final class ResponseProducer implements AutoCloseable {

  private enum State { PLAN, BATCHES, COMPLETE, END }

  private final Supplier<RelationResult> planning;
  private final ResultFormat format;
  private final boolean reattachable;
  private final BufferAllocator allocator;
  private final Deque<ExecutePlanResponse> pending = new ArrayDeque<>();
  private State state = State.PLAN;
  private RelationResult result;
  private VectorSchemaRoot current;
  private int currentOffset;
  private long rowsSent;
  private long batchesSent;

  ResponseProducer(Supplier<RelationResult> planning, ResultFormat format, boolean reattachable,
      BufferAllocator allocator) {
    this.planning = planning;
    this.format = format;
    this.reattachable = reattachable;
    this.allocator = allocator;
  }

  /** The next response, or null when the stream is complete. Throws what the planner throws. */
  ExecutePlanResponse next() {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    switch (state) {
      case PLAN -> {
        result = planning.get();
        state = State.BATCHES;
        return ExecutePlanResponse.newBuilder().setSchema(result.sparkSchema()).build();
      }
      case BATCHES -> {
        ExecutePlanResponse batch = nextBatchResponse();
        if (batch != null) {
          return batch;
        }
        state = State.COMPLETE;
        return next();
      }
      case COMPLETE -> {
        state = State.END;
        return reattachable
            ? ExecutePlanResponse.newBuilder()
                .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build()
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private ExecutePlanResponse nextBatchResponse() {
    if (result == null) {
      return null; // all batches were produced (and the result closed) on an earlier call
    }
    while (current == null || currentOffset >= current.getRowCount()) {
      current = result.nextBatch();
      currentOffset = 0;
      if (current == null) {
        ExecutePlanResponse last = batchesSent == 0
            ? enqueue(ArrowIpc.empty(result.arrowSchema(), allocator), 0)
            : null;
        closeResult();
        return last;
      }
    }
    int remaining = current.getRowCount() - currentOffset;
    int rows = format.maxRecordsPerBatch() > 0 ? Math.min(remaining, format.maxRecordsPerBatch()) : remaining;
    // Like Spark, keep a batch under the byte limit by giving it fewer rows. The row count comes
    // from the decoded batch's bytes per row, so that a batch is normally encoded once (encoding
    // the whole batch to learn its size, then again with half the rows, doubled the work).
    rows = BatchRows.fitting(rows, current, format.maxBatchBytes());
    ByteString bytes = ArrowIpc.encode(current, currentOffset, rows);
    // Rows of uneven width can still overshoot: cut again in proportion to the real size.
    while (bytes.size() > format.maxBatchBytes() && rows > 1) {
      rows = BatchRows.shrink(rows, bytes.size(), format.maxBatchBytes());
      bytes = ArrowIpc.encode(current, currentOffset, rows);
    }
    currentOffset += rows;
    return enqueue(bytes, rows);
  }

  /** Queues the batch (split into chunks if the client allows) and returns its first response. */
  private ExecutePlanResponse enqueue(ByteString data, long rows) {
    if (!format.chunking()) {
      pending.add(batchResponse(ExecutePlanResponse.ArrowBatch.newBuilder().setData(data), rows));
    } else {
      long size = format.maxChunkBytes();
      long numChunks = Math.max(1, (data.size() + size - 1) / size);
      for (long i = 0; i < numChunks; i++) {
        int from = (int) (i * size);
        int to = (int) Math.min(data.size(), from + size);
        pending.add(batchResponse(ExecutePlanResponse.ArrowBatch.newBuilder()
            .setData(data.substring(from, to))
            .setChunkIndex(i)
            .setNumChunksInBatch(numChunks), rows));
      }
    }
    rowsSent += rows;
    batchesSent++;
    return pending.poll();
  }

  private ExecutePlanResponse batchResponse(ExecutePlanResponse.ArrowBatch.Builder batch, long rows) {
    batch.setRowCount(rows).setStartOffset(rowsSent);
    return ExecutePlanResponse.newBuilder().setArrowBatch(batch).build();
  }

  private void closeResult() {
    current = null;
    if (result != null) {
      RelationResult r = result;
      result = null;
      r.close();
    }
  }

  /** Releases the planner's result; safe at any point and twice. */
  @Override
  public void close() {
    pending.clear();
    state = State.END;
    closeResult();
  }
}
