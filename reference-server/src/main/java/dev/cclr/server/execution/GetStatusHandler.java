package dev.cclr.server.execution;

import dev.cclr.proto.GetStatusRequest;
import dev.cclr.proto.GetStatusResponse;
import dev.cclr.proto.GetStatusResponse.OperationStatus;
import dev.cclr.proto.GetStatusResponse.OperationStatus.OperationState;
import dev.cclr.server.sessions.Session;
import java.util.Optional;

/**
 * GetStatus (Spark 4.2.0): the state of each requested operation; ended operations keep their
 * final state, unknown ids are UNKNOWN.
 */
public final class GetStatusHandler {

  private final ExecutionContext ctx;

  public GetStatusHandler(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  public GetStatusResponse handle(GetStatusRequest req) {
    Session session = ctx.sessions().getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
        req.hasClientObservedServerSideSessionId()
            ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
    GetStatusResponse.Builder out = GetStatusResponse.newBuilder()
        .setSessionId(session.sessionId())
        .setServerSideSessionId(session.serverSideSessionId());
    if (req.hasOperationStatus()) {
      for (String id : req.getOperationStatus().getOperationIdsList()) {
        OperationState state = ctx.operations().find(session, id)
            .map(ExecutionManager::stateOf)
            .or(() -> ctx.operations().retired(session, id).map(ExecutionManager.Retired::finalState))
            .orElse(OperationState.OPERATION_STATE_UNKNOWN);
        out.addOperationStatuses(OperationStatus.newBuilder().setOperationId(id).setState(state));
      }
    }
    return out.build();
  }
}
