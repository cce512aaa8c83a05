package dev.cclr.tck.client;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@link ConnectSession#execute} runs a plan.
 *
 * @param reattachable ask for a reattachable execution, as Spark's clients do: the server then ends
 *     a complete result with ResultComplete, and a stream that ends without it is resumed with
 *     ReattachExecute from the last response id
 * @param operationId the operation id to send; empty for a fresh random UUID
 * @param maxReattaches how many ReattachExecute calls one execution may make before giving up
 * @param releaseWhenComplete after ResultComplete, tell the server it may drop the operation
 *     (ReleaseExecute release_all), as Spark's clients do
 * @param batchSink when present, every complete Arrow batch goes to it as it arrives and is not
 *     kept (nor its bytes in the kept responses), so that results larger than the heap can be
 *     checked by digest
 * @param cutFirstStreamAfter 0, or how many responses of the first ExecutePlan stream to take
 *     before the client cancels that stream, as a dropped connection would, so that the rest of a
 *     reattachable result must come through ReattachExecute from the last response id received
 * @param preferredChunkSize when present, the request allows the server to split one Arrow batch
 *     over several responses (ResultChunkingOptions), asking for pieces of this many bytes when the
 *     value is positive and leaving the size to the server when it is 0
 */
public record ExecuteOptions(
    boolean reattachable,
    Optional<String> operationId,
    int maxReattaches,
    boolean releaseWhenComplete,
    Optional<Consumer<ArrowResultBatch>> batchSink,
    int cutFirstStreamAfter,
    java.util.OptionalLong preferredChunkSize) {

  public ExecuteOptions {
    if (cutFirstStreamAfter < 0 || (cutFirstStreamAfter > 0 && !reattachable)) {
      throw new IllegalArgumentException("cutFirstStreamAfter must be 0, or positive for a reattachable execution");
    }
    if (preferredChunkSize.isPresent() && preferredChunkSize.getAsLong() < 0) {
      throw new IllegalArgumentException("preferredChunkSize must be 0 (the server's size) or positive");
    }
  }

  public static ExecuteOptions defaults() {
    return new ExecuteOptions(true, Optional.empty(), 1000, true, Optional.empty(), 0, java.util.OptionalLong.empty());
  }

  /** A plain, non-reattachable execution: one stream, whatever it contains. */
  public static ExecuteOptions singleStream() {
    return new ExecuteOptions(false, Optional.empty(), 0, false, Optional.empty(), 0, java.util.OptionalLong.empty());
  }

  public ExecuteOptions withOperationId(String value) {
    return new ExecuteOptions(reattachable, Optional.of(value), maxReattaches, releaseWhenComplete, batchSink, cutFirstStreamAfter, preferredChunkSize);
  }

  /** Cancels the first stream after {@code responses} responses; the rest must come by reattaching. */
  public ExecuteOptions cuttingFirstStreamAfter(int responses) {
    return new ExecuteOptions(reattachable, operationId, maxReattaches, releaseWhenComplete, batchSink, responses, preferredChunkSize);
  }

  /** Streams batches to the sink instead of keeping them. */
  public ExecuteOptions streamingTo(Consumer<ArrowResultBatch> sink) {
    return new ExecuteOptions(reattachable, operationId, maxReattaches, releaseWhenComplete, Optional.of(sink), cutFirstStreamAfter, preferredChunkSize);
  }

  /**
   * Leaves the operation with the server after ResultComplete (no ReleaseExecute), so that later
   * calls can reattach to it or send its operation id again.
   */
  public ExecuteOptions keepingOperation() {
    return new ExecuteOptions(reattachable, operationId, maxReattaches, false, batchSink, cutFirstStreamAfter, preferredChunkSize);
  }

  /** Allows the server to split Arrow batches into pieces of {@code bytes} (0: the server's size). */
  public ExecuteOptions chunkingResultsInto(long bytes) {
    return new ExecuteOptions(reattachable, operationId, maxReattaches, releaseWhenComplete, batchSink, cutFirstStreamAfter,
        java.util.OptionalLong.of(bytes));
  }
}
