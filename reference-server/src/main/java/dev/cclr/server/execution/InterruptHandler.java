package dev.cclr.server.execution;

import dev.cclr.proto.InterruptRequest;
import dev.cclr.proto.InterruptResponse;
import dev.cclr.server.sessions.Session;
import java.util.List;
import java.util.Optional;

/**
 * Interrupt: stops the session's running operations (all, by tag or by id); their streams end
 * with OPERATION_CANCELED. Operations that already finished are not listed as interrupted.
 */
public final class InterruptHandler {

  private final ExecutionContext ctx;

  public InterruptHandler(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  public InterruptResponse handle(InterruptRequest req) {
    Session session = ctx.sessions().getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
        req.hasClientObservedServerSideSessionId()
            ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
    List<Operation> targets = switch (req.getInterruptType()) {
      case INTERRUPT_TYPE_ALL -> ctx.operations().operations(session);
      case INTERRUPT_TYPE_TAG -> ctx.operations().operations(session).stream()
          .filter(op -> op.tags().contains(req.getOperationTag())).toList();
      case INTERRUPT_TYPE_OPERATION_ID -> ctx.operations().find(session, req.getOperationId()).stream().toList();
      default -> throw ExecutionErrors.unsupportedInterruptType(req.getInterruptType().name());
    };
    InterruptResponse.Builder out = InterruptResponse.newBuilder()
        .setSessionId(session.sessionId())
        .setServerSideSessionId(session.serverSideSessionId());
    for (Operation op : targets) {
      if (op.interrupt()) {
        out.addInterruptedIds(op.operationId());
      }
    }
    return out.build();
  }
}
