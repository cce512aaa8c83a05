package dev.cclr.server.execution;

import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.DataType;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import dev.cclr.server.schema.ProtoTypes;
import dev.cclr.server.schema.SchemaStringParser;
import dev.cclr.server.schema.SchemaTree;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.relations.RelationResult;
import dev.cclr.server.sessions.Session;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * AnalyzePlan: the schema of a plan (planned through the planner, which checks limits and reads
 * blobs as for execution, but no rows are sent), its tree string, whether it is local, a DDL
 * string's type, and the Spark version this server reports. Other analyses arrive as unknown
 * fields and are answered UNIMPLEMENTED with CCLR_UNSUPPORTED_ANALYZE_METHOD naming them.
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
      case TREE_STRING -> {
        AnalyzePlanRequest.TreeString tree = req.getTreeString();
        DataType schema = schemaOf(session, tree.getPlan());
        out.setTreeString(AnalyzePlanResponse.TreeString.newBuilder().setTreeString(SchemaTree.of(
            (SparkType.StructType) ProtoTypes.fromProto(schema), tree.hasLevel() ? tree.getLevel() : 0)));
      }
      case IS_LOCAL -> out.setIsLocal(
          AnalyzePlanResponse.IsLocal.newBuilder().setIsLocal(isLocal(session, req.getIsLocal().getPlan())));
      case DDL_PARSE -> out.setDdlParse(AnalyzePlanResponse.DDLParse.newBuilder().setParsed(
          ProtoTypes.toProto(SchemaStringParser.parseDdlOnly(req.getDdlParse().getDdlString()))));
      case ANALYZE_NOT_SET -> {
        var unknown = req.getUnknownFields().asMap().keySet().stream().findFirst();
        if (unknown.isPresent()) {
          throw PlanErrors.unsupportedAnalyzeMethod(AnalyzeMethods.name(unknown.get()), unknown.get());
        }
        throw PlanErrors.unknownAnalyzeMethod("ANALYZE_NOT_SET");
      }
    }
    return out.build();
  }

  /**
   * Spark answers true when the analysed plan is a local relation itself (not wrapped), and for
   * ShowString, whose text Spark computes up front and holds as a local relation (observed on
   * Spark 4.2.0 over ChunkedCachedLocalRelation).
   */
  private boolean isLocal(Session session, Plan plan) {
    schemaOf(session, plan);
    Relation root = PlanDecoder.rootForAnalysis(plan);
    return switch (root.getRelTypeCase()) {
      case LOCAL_RELATION, CACHED_LOCAL_RELATION, CHUNKED_CACHED_LOCAL_RELATION, SHOW_STRING -> true;
      default -> false;
    };
  }

  private DataType schemaOf(Session session, Plan plan) {
    try (BufferAllocator allocator = ctx.rootAllocator().newChildAllocator("analyze", 0, Long.MAX_VALUE);
         RelationResult result = ctx.planner().plan(PlanDecoder.rootForAnalysis(plan),
             new SessionPlanningContext(session, allocator))) {
      return result.sparkSchema();
    }
  }
}
