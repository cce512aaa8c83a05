package dev.cclr.server.execution;

import com.google.protobuf.ByteString;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.server.relations.RelationResult;
import dev.cclr.server.relations.ipc.StoredBatch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
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
 *
 * <p>A batch the result offers as stored ({@link RelationResult#storedBatch()}) that fits the
 * format's limits is sent as stored, between the schema message and the end-of-stream marker,
 * without being encoded again: its body is wrapped, not copied, and the response carries a
 * reference on it ({@link Produced#memory()}).
 */
final class ResponseProducer implements AutoCloseable {

  private enum State { PLAN, BATCHES, COMPLETE, END }

  /** A response and the off-heap memory its bytes point into (the caller owns that reference). */
  record Produced(ExecutePlanResponse response, ResponseMemory memory) {
    static Produced onHeap(ExecutePlanResponse response) {
      return new Produced(response, ResponseMemory.NONE);
    }
  }

  private final Supplier<RelationResult> planning;
  private final ResultFormat format;
  private final boolean reattachable;
  private final BufferAllocator allocator;
  private final Deque<Produced> pending = new ArrayDeque<>();
  private State state = State.PLAN;
  private RelationResult result;
  private VectorSchemaRoot current;
  private int currentOffset;
  private long rowsSent;
  private long batchesSent;
  /** The result schema as an IPC message, for batches sent as stored; made at the first one. */
  private ByteString schemaMessage;

  ResponseProducer(Supplier<RelationResult> planning, ResultFormat format, boolean reattachable,
      BufferAllocator allocator) {
    this.planning = planning;
    this.format = format;
    this.reattachable = reattachable;
    this.allocator = allocator;
  }

  /** The next response, or null when the stream is complete. Throws what the planner throws. */
  Produced next() {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    switch (state) {
      case PLAN -> {
        result = planning.get();
        state = State.BATCHES;
        return Produced.onHeap(ExecutePlanResponse.newBuilder().setSchema(result.sparkSchema()).build());
      }
      case BATCHES -> {
        Produced batch = nextBatchResponse();
        if (batch != null) {
          return batch;
        }
        state = State.COMPLETE;
        return next();
      }
      case COMPLETE -> {
        state = State.END;
        return reattachable
            ? Produced.onHeap(ExecutePlanResponse.newBuilder()
                .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build())
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private Produced nextBatchResponse() {
    if (result == null) {
      return null; // all batches were produced (and the result closed) on an earlier call
    }
    while (current == null || currentOffset >= current.getRowCount()) {
      current = result.nextBatch();
      currentOffset = 0;
      if (current == null) {
        Produced last = batchesSent == 0
            ? enqueue(ArrowIpc.empty(result.arrowSchema(), allocator), 0, ResponseMemory.NONE)
            : null;
        closeResult();
        return last;
      }
      // A fresh batch: sent whole as stored if the result offers it and it fits.
      Produced stored = asStored(result.storedBatch());
      if (stored != null) {
        currentOffset = current.getRowCount();
        return stored;
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
    return enqueue(bytes, rows, ResponseMemory.NONE);
  }

  /**
   * The current batch as stored, framed as a stream of its own, if it is offered and fits the
   * format: no more rows than maxRecordsPerBatch, no more bytes than maxBatchBytes (a batch that
   * does not fit is cut by the encoding path, as before). Null otherwise.
   */
  private Produced asStored(Optional<StoredBatch> offered) {
    if (offered.isEmpty()) {
      return null;
    }
    StoredBatch batch = offered.get();
    if (batch.rows() != current.getRowCount()
        || format.maxRecordsPerBatch() > 0 && batch.rows() > format.maxRecordsPerBatch()) {
      return null;
    }
    if (schemaMessage == null) {
      schemaMessage = ArrowIpc.schemaMessage(result.arrowSchema());
    }
    long total = schemaMessage.size() + batch.messageBytes() + ArrowIpc.END_OF_STREAM.size();
    if (total > format.maxBatchBytes()) {
      return null;
    }
    // The response keeps the body alive after the reader moves on and after the result (and its
    // allocator) is closed: the reference is moved to the operation's allocator.
    var body = batch.body();
    var kept = body.getReferenceManager().transferOwnership(body, allocator).getTransferredBuffer();
    ResponseMemory memory = ResponseMemory.owning(kept);
    ByteString data = ByteString.copyFrom(java.util.List.of(
        schemaMessage,
        ArrowIpc.messagePrefix(batch.metadata().remaining()),
        com.google.protobuf.UnsafeByteOperations.unsafeWrap(batch.metadata()),
        com.google.protobuf.UnsafeByteOperations.unsafeWrap(kept.nioBuffer(0, (int) batch.bodyLength())),
        ArrowIpc.END_OF_STREAM));
    return enqueue(data, batch.rows(), memory);
  }

  /**
   * Queues the batch (split into chunks if the client allows) and returns its first response;
   * every response gets its own reference on {@code memory}, whose reference is closed here.
   */
  private Produced enqueue(ByteString data, long rows, ResponseMemory memory) {
    try (memory) {
      if (!format.chunking()) {
        pending.add(new Produced(
            batchResponse(ExecutePlanResponse.ArrowBatch.newBuilder().setData(data), rows), memory.share()));
      } else {
        long size = format.maxChunkBytes();
        long numChunks = Math.max(1, (data.size() + size - 1) / size);
        for (long i = 0; i < numChunks; i++) {
          int from = (int) (i * size);
          int to = (int) Math.min(data.size(), from + size);
          pending.add(new Produced(batchResponse(ExecutePlanResponse.ArrowBatch.newBuilder()
              .setData(data.substring(from, to))
              .setChunkIndex(i)
              .setNumChunksInBatch(numChunks), rows), memory.share()));
        }
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
    for (Produced p : pending) {
      p.memory().close();
    }
    pending.clear();
    state = State.END;
    closeResult();
  }
}
