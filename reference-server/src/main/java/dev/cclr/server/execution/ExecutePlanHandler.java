package dev.cclr.server.execution;

import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.ResultChunkingOptions;
import dev.cclr.server.config.SessionConfig;
import dev.cclr.server.sessions.Session;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;

/**
 * ExecutePlan for plans whose root is a Relation. The operation id is the client's (it must be
 * a UUID) or a fresh one. Planning and streaming happen on the sender executor at the client's
 * pace; errors from planning or from the data end the response stream, as in Spark.
 */
public final class ExecutePlanHandler {

  /** Spark cuts result batches at 70% of spark.connect.grpc.arrow.maxBatchSize (its size is an estimate). */
  private static final double BATCH_SIZE_FRACTION = 0.7;

  private final ExecutionContext ctx;

  public ExecutePlanHandler(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  public void handle(ExecutePlanRequest req, ServerCallStreamObserver<ExecutePlanResponse> call) {
    Session session = ctx.sessions().getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
        req.hasClientObservedServerSideSessionId()
            ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
    String operationId = req.hasOperationId() ? checkedOperationId(req.getOperationId()) : UUID.randomUUID().toString();
    Optional<Operation> existing = ctx.operations().find(session, operationId);
    if (existing.isPresent()) {
      attachAgain(existing.get(), req, call);
      return;
    }
    boolean reattachable = req.getRequestOptionsList().stream()
        .anyMatch(o -> o.hasReattachOptions() && o.getReattachOptions().getReattachable());
    Optional<ResultChunkingOptions> chunking = req.getRequestOptionsList().stream()
        .filter(ExecutePlanRequest.RequestOption::hasResultChunkingOptions)
        .map(ExecutePlanRequest.RequestOption::getResultChunkingOptions)
        .reduce((first, second) -> second);

    SessionConfig config = session.config();
    boolean chunked = chunking.map(ResultChunkingOptions::getAllowArrowBatchChunking).orElse(false);
    Long preferred = chunking.filter(ResultChunkingOptions::hasPreferredArrowChunkSize)
        .map(ResultChunkingOptions::getPreferredArrowChunkSize).orElse(null);
    ResultFormat format = new ResultFormat(
        config.maxRecordsPerBatch(),
        (long) (config.arrowMaxBatchSize() * BATCH_SIZE_FRACTION),
        chunked,
        ResultFormat.chunkSize(preferred, config.resultMaxChunkSize()));

    BufferAllocator allocator = ctx.rootAllocator().newChildAllocator("operation " + operationId, 0, Long.MAX_VALUE);
    ResponseProducer producer = new ResponseProducer(
        () -> ctx.planner().plan(PlanDecoder.rootOf(req.getPlan()), new SessionPlanningContext(session, allocator)),
        format, reattachable, allocator);
    Operation op = new Operation(session, operationId, req.getPlan(), reattachable, req.getTagsList(), producer, allocator,
        config.retryBufferSize());
    try {
      ctx.operations().register(op);
    } catch (RuntimeException e) {
      op.close();
      throw e;
    }
    new ResponseSender(op, call, 1, ctx.senders(), ctx.errors(), ctx.operations()::senderEnded).start();
  }

  /**
   * An ExecutePlan naming an operation the session still holds. As in Spark 4.1.2 and 4.2.0: with
   * the same plan it is a client retrying its ExecutePlan (the first call's stream was lost), so it
   * gets the operation's responses again from the first, like a ReattachExecute without
   * last_response_id; with another plan the id is taken (SRV-SEM-014).
   */
  private void attachAgain(Operation op, ExecutePlanRequest req, ServerCallStreamObserver<ExecutePlanResponse> call) {
    if (!op.runs(req.getPlan())) {
      throw ExecutionErrors.operationAlreadyExists(op.operationId());
    }
    if (!op.reattachable()) {
      throw ExecutionErrors.notReattachable();
    }
    new ResponseSender(op, call, 1, ctx.senders(), ctx.errors(), ctx.operations()::senderEnded).start();
  }

  private static String checkedOperationId(String id) {
    try {
      UUID.fromString(id);
      return id;
    } catch (IllegalArgumentException e) {
      throw ExecutionErrors.operationIdFormat(id);
    }
  }
}
