package dev.cclr.tck.client;

import dev.cclr.proto.DataType;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import java.util.List;
import java.util.Optional;

/**
 * Everything one execution produced, collected across the initial stream and any reattached
 * streams: the raw responses, the result schema, the Arrow batches, whether ResultComplete arrived,
 * and the error that ended it, if any. Execution errors are data here, not exceptions, because
 * conformance cases check them and the responses that preceded them.
 *
 * @param operationId the operation id the request carried
 * @param responses every response in arrival order
 * @param schema the first {@code schema} any response carried
 * @param batches the Arrow result batches, reassembled from chunks
 * @param resultComplete whether a ResultComplete response arrived
 * @param reattaches how many ReattachExecute calls were made
 * @param error the error that ended the execution
 * @param releaseError the error of the final ReleaseExecute, if it failed
 * @param protocolProblems things the server did that the protocol does not allow (e.g. a chunk out
 *     of order, a response after ResultComplete), for conformance checks to assert empty
 */
public record ExecuteResult(
    String operationId,
    List<ExecutePlanResponse> responses,
    Optional<DataType> schema,
    List<ArrowResultBatch> batches,
    boolean resultComplete,
    int reattaches,
    Optional<RemoteError> error,
    Optional<RemoteError> releaseError,
    List<String> protocolProblems) {

  public ExecuteResult {
    responses = List.copyOf(responses);
    batches = List.copyOf(batches);
    protocolProblems = List.copyOf(protocolProblems);
  }

  public boolean succeeded() {
    return error.isEmpty();
  }

  public List<String> responseIds() {
    return responses.stream().map(ExecutePlanResponse::getResponseId).toList();
  }

  /** Sum of the row counts the server declared on its Arrow batches. */
  public long declaredRowCount() {
    return batches.stream().mapToLong(ArrowResultBatch::declaredRowCount).sum();
  }

  /**
   * All Arrow batches decoded and concatenated. An execution without batches gives an empty table
   * with no columns. Throws if a batch is not valid Arrow or the batches disagree on the schema.
   */
  public CanonicalTable table() {
    return ArrowIpc.readAll(batches.stream().map(b -> b.data().toByteArray()).toList());
  }

  /** This result if the execution succeeded; otherwise a RemoteErrorException with its error. */
  public ExecuteResult requireSuccess() {
    error.ifPresent(
        e -> {
          throw new RemoteErrorException("ExecutePlan " + operationId, e, null);
        });
    return this;
  }
}
