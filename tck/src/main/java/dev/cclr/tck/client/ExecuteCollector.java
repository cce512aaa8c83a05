package dev.cclr.tck.client;

import com.google.protobuf.ByteString;
import dev.cclr.proto.DataType;
import dev.cclr.proto.ExecutePlanResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Accumulates the responses of one execution across streams: joins chunked Arrow batches, keeps
 * the first schema, notes ResultComplete and the last response id (for reattaching), and records
 * protocol violations instead of throwing, so the caller still gets everything that arrived.
 */
final class ExecuteCollector {
  private final String operationId;
  private final List<ExecutePlanResponse> responses = new ArrayList<>();
  private final List<ArrowResultBatch> batches = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private DataType schema;
  private boolean resultComplete;
  private String lastResponseId;
  /** Rows declared by the batches delivered so far, for checking start_offset. */
  private long rowsSoFar;

  private ByteString pendingData;
  private long pendingRows;
  private OptionalLong pendingOffset = OptionalLong.empty();
  private long pendingChunks;
  private long expectedChunkIndex;

  private final java.util.Optional<java.util.function.Consumer<ArrowResultBatch>> sink;

  ExecuteCollector(String operationId, java.util.Optional<java.util.function.Consumer<ArrowResultBatch>> sink) {
    this(operationId, sink, 0);
  }

  /**
   * A collector for a stream that continues a result of which the client already holds {@code
   * rowsBefore} rows (a reattach from a response the client named): start_offset counts on from there.
   */
  ExecuteCollector(String operationId, java.util.Optional<java.util.function.Consumer<ArrowResultBatch>> sink, long rowsBefore) {
    this.operationId = operationId;
    this.sink = sink;
    this.rowsSoFar = rowsBefore;
  }

  void accept(ExecutePlanResponse response) {
    // With a sink, batch bytes are handed on and not kept: the kept response loses its data.
    responses.add(sink.isPresent() && response.hasArrowBatch()
        ? response.toBuilder().setArrowBatch(response.getArrowBatch().toBuilder().clearData()).build()
        : response);
    if (resultComplete) {
      problems.add("response " + response.getResponseId() + " arrived after ResultComplete");
    }
    if (!response.getOperationId().isEmpty() && !response.getOperationId().equals(operationId)) {
      problems.add("response carries operation id " + response.getOperationId() + ", expected " + operationId);
    }
    if (!response.getResponseId().isEmpty()) {
      lastResponseId = response.getResponseId();
    }
    if (response.hasSchema() && schema == null) {
      schema = response.getSchema();
    }
    switch (response.getResponseTypeCase()) {
      case ARROW_BATCH -> acceptBatch(response.getArrowBatch());
      case RESULT_COMPLETE -> {
        if (pendingData != null) {
          problems.add("ResultComplete arrived while an Arrow batch still missed chunks");
        }
        resultComplete = true;
      }
      default -> {
        // Progress reports, metrics and extensions carry nothing this collector needs.
      }
    }
  }

  boolean resultComplete() {
    return resultComplete;
  }

  Optional<String> lastResponseId() {
    return Optional.ofNullable(lastResponseId);
  }

  int responseCount() {
    return responses.size();
  }

  void problem(String description) {
    problems.add(description);
  }

  ExecuteResult finish(int reattaches, Optional<RemoteError> error, Optional<RemoteError> releaseError) {
    if (pendingData != null) {
      problems.add("the execution ended while an Arrow batch still missed chunks");
    }
    return new ExecuteResult(
        operationId,
        responses,
        Optional.ofNullable(schema),
        batches,
        resultComplete,
        reattaches,
        error,
        releaseError,
        problems);
  }

  private void acceptBatch(ExecutePlanResponse.ArrowBatch batch) {
    OptionalLong offset = batch.hasStartOffset() ? OptionalLong.of(batch.getStartOffset()) : OptionalLong.empty();
    boolean chunked = batch.hasNumChunksInBatch() && batch.getNumChunksInBatch() > 1;
    if (!chunked) {
      if (pendingData != null) {
        problems.add("an unchunked Arrow batch arrived while a chunked one still missed chunks");
        pendingData = null;
      }
      deliver(new ArrowResultBatch(batch.getRowCount(), offset, 1, batch.getData()));
      return;
    }
    long index = batch.hasChunkIndex() ? batch.getChunkIndex() : 0;
    if (pendingData == null) {
      if (index != 0) {
        problems.add("Arrow batch chunk " + index + " arrived without chunk 0");
      }
      pendingData = batch.getData();
      pendingRows = batch.getRowCount();
      pendingOffset = offset;
      pendingChunks = batch.getNumChunksInBatch();
      expectedChunkIndex = index + 1;
    } else {
      if (index != expectedChunkIndex || batch.getNumChunksInBatch() != pendingChunks) {
        problems.add(
            "Arrow batch chunk "
                + index
                + "/"
                + batch.getNumChunksInBatch()
                + " arrived, expected "
                + expectedChunkIndex
                + "/"
                + pendingChunks);
      }
      if (batch.getRowCount() != pendingRows || !offset.equals(pendingOffset)) {
        // Every piece describes the whole batch (Spark 4.1.2 and 4.2.0 repeat both on each).
        problems.add("Arrow batch chunk " + index + " declares row_count " + batch.getRowCount() + " and start_offset "
            + describe(offset) + ", but chunk 0 of its batch declared " + pendingRows + " and " + describe(pendingOffset));
      }
      pendingData = pendingData.concat(batch.getData());
      expectedChunkIndex = index + 1;
    }
    if (expectedChunkIndex >= pendingChunks) {
      deliver(new ArrowResultBatch(pendingRows, pendingOffset, (int) pendingChunks, pendingData));
      pendingData = null;
    }
  }

  private static String describe(OptionalLong offset) {
    return offset.isPresent() ? Long.toString(offset.getAsLong()) : "(none)";
  }

  private void deliver(ArrowResultBatch batch) {
    checkRowsAndOffset(batch);
    if (sink.isPresent()) {
      sink.get().accept(batch);
    } else {
      batches.add(batch);
    }
  }

  /**
   * What PySpark checks of every assembled batch, and fails the query on: {@code start_offset},
   * when set, is the number of rows the operation returned before it, and {@code row_count} is the
   * number of rows the batch's IPC stream holds. Only batches kept for the result are decoded here
   * (a streamed result is counted by its sink); an undecodable batch is left to the reader.
   */
  private void checkRowsAndOffset(ArrowResultBatch batch) {
    if (batch.startOffset().isPresent() && batch.startOffset().getAsLong() != rowsSoFar) {
      problems.add("an Arrow batch declares start_offset " + batch.startOffset().getAsLong()
          + " after " + rowsSoFar + " rows");
    }
    rowsSoFar += batch.declaredRowCount();
    if (sink.isPresent()) {
      return;
    }
    List<Integer> counts;
    try {
      counts = dev.cclr.tck.arrow.ArrowIpc.recordBatchRowCounts(batch.data().toByteArray());
    } catch (RuntimeException e) {
      return;
    }
    long held = counts.stream().mapToLong(Integer::longValue).sum();
    if (held != batch.declaredRowCount()) {
      problems.add("an Arrow batch declares row_count " + batch.declaredRowCount() + " but its data holds " + held + " rows");
    } else if (counts.stream().skip(1).anyMatch(n -> n > 0)) {
      // PySpark compares row_count with the rows of the first record batch alone.
      problems.add("an Arrow batch's data holds its " + held + " rows in several record batches " + counts
          + "; PySpark needs them in one");
    }
  }
}
