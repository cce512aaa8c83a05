package dev.cclr.server.execution;

import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.DataType;
import dev.cclr.server.relations.RelationResult;
import dev.cclr.server.sessions.Session;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * AnalyzePlan: the schema of a plan (planned through the planner, which checks limits and reads
 * blobs as for execution, but no rows are sent) and the Spark version this server reports. Other
 * analyses are not in this protocol and arrive unset, which Spark reports as an unknown method.
 */
public final class AnalyzeHandler {

  private final ExecutionContext ctx;

  public AnalyzeHandler(ExecutionContext ctx) {
    this.ctx = ctx;
  }

  public AnalyzePlanResponse handle(AnalyzePlanRequest req) {
    Session session = ctx.sessions().getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
        req.hasClientObservedServerSideSessionId()
            ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
    AnalyzePlanResponse.Builder out = AnalyzePlanResponse.newBuilder()
        .setSessionId(session.sessionId())
        .setServerSideSessionId(session.serverSideSessionId());
    switch (req.getAnalyzeCase()) {
      case SCHEMA -> out.setSchema(AnalyzePlanResponse.Schema.newBuilder()
          .setSchema(schemaOf(session, req.getSchema().getPlan())));
      case SPARK_VERSION -> out.setSparkVersion(
          AnalyzePlanResponse.SparkVersion.newBuilder().setVersion(ctx.sparkVersion()));
      case ANALYZE_NOT_SET -> throw PlanErrors.unknownAnalyzeMethod("ANALYZE_NOT_SET");
    }
    return out.build();
  }

  private DataType schemaOf(Session session, dev.cclr.proto.Plan plan) {
    try (BufferAllocator allocator = ctx.rootAllocator().newChildAllocator("analyze", 0, Long.MAX_VALUE);
         RelationResult result = ctx.planner().plan(PlanDecoder.rootForAnalysis(plan),
             new SessionPlanningContext(session, allocator))) {
      return result.sparkSchema();
    }
  }
}
