package dev.cclr.server.execution;

import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.server.sessions.Session;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.Optional;

/**
 * ReattachExecute: resumes a reattachable operation's stream after last_response_id (or from its
 * first response when absent). The new call takes over; an earlier one still attached ends with
 * INVALID_CURSOR.DISCONNECTED.
 */
public final class ReattachHandler {

  private final ExecutionContext ctx;

  public ReattachHandler(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  public void handle(ReattachExecuteRequest req, ServerCallStreamObserver<ExecutePlanResponse> call) {
    Session session = ctx.sessions().getExisting(req.getUserContext().getUserId(), req.getSessionId(),
        req.hasClientObservedServerSideSessionId()
            ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
    String id = req.getOperationId();
    Operation op = ctx.operations().find(session, id).orElseThrow(() ->
        ctx.operations().retired(session, id).filter(ExecutionManager.Retired::abandoned).isPresent()
            ? ExecutionErrors.operationAbandoned(id)
            : ExecutionErrors.operationNotFound(id));
    if (!op.reattachable()) {
      throw ExecutionErrors.notReattachable();
    }
    long first = req.hasLastResponseId() ? op.indexOf(req.getLastResponseId()) + 1 : 1;
    new ResponseSender(op, call, first, ctx.senders(), ctx.errors(), ctx.operations()::senderEnded).start();
  }
}
