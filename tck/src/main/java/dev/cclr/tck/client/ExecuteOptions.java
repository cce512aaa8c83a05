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
 */
public record ExecuteOptions(
    boolean reattachable,
    Optional<String> operationId,
    int maxReattaches,
    boolean releaseWhenComplete,
    Optional<Consumer<ArrowResultBatch>> batchSink) {

  public static ExecuteOptions defaults() {
    return new ExecuteOptions(true, Optional.empty(), 1000, true, Optional.empty());
  }

  /** A plain, non-reattachable execution: one stream, whatever it contains. */
  public static ExecuteOptions singleStream() {
    return new ExecuteOptions(false, Optional.empty(), 0, false, Optional.empty());
  }

  public ExecuteOptions withOperationId(String value) {
    return new ExecuteOptions(reattachable, Optional.of(value), maxReattaches, releaseWhenComplete, batchSink);
  }

  /** Streams batches to the sink instead of keeping them. */
  public ExecuteOptions streamingTo(Consumer<ArrowResultBatch> sink) {
    return new ExecuteOptions(reattachable, operationId, maxReattaches, releaseWhenComplete, Optional.of(sink));
  }
}
