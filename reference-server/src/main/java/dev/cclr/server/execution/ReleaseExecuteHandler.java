package dev.cclr.server.execution;

import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseExecuteResponse;
import dev.cclr.server.sessions.Session;
import java.util.Optional;

/**
 * ReleaseExecute: release_until drops the responses up to one the client has; release_all ends
 * the operation. An unknown operation id is not an error (Spark answers without operation_id).
 */
public final class ReleaseExecuteHandler {

  private final ExecutionContext ctx;

  public ReleaseExecuteHandler(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  public ReleaseExecuteResponse handle(ReleaseExecuteRequest req) {
    Session session = ctx.sessions().getExisting(req.getUserContext().getUserId(), req.getSessionId(),
        req.hasClientObservedServerSideSessionId()
            ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
    ReleaseExecuteResponse.Builder out = ReleaseExecuteResponse.newBuilder()
        .setSessionId(session.sessionId())
        .setServerSideSessionId(session.serverSideSessionId());
    Optional<Operation> op = ctx.operations().find(session, req.getOperationId());
    if (op.isPresent()) {
      switch (req.getReleaseCase()) {
        case RELEASE_ALL -> ctx.operations().remove(op.get(), false);
        case RELEASE_UNTIL -> op.get().releaseUntil(req.getReleaseUntil().getResponseId());
        case RELEASE_NOT_SET -> { }
      }
      out.setOperationId(req.getOperationId());
    }
    return out.build();
  }
}
