package dev.cclr.tck.client;

import java.util.Optional;

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
 */
public record ExecuteOptions(
    boolean reattachable, Optional<String> operationId, int maxReattaches, boolean releaseWhenComplete) {

  public static ExecuteOptions defaults() {
    return new ExecuteOptions(true, Optional.empty(), 1000, true);
  }

  /** A plain, non-reattachable execution: one stream, whatever it contains. */
  public static ExecuteOptions singleStream() {
    return new ExecuteOptions(false, Optional.empty(), 0, false);
  }

  public ExecuteOptions withOperationId(String value) {
    return new ExecuteOptions(reattachable, Optional.of(value), maxReattaches, releaseWhenComplete);
  }
}
