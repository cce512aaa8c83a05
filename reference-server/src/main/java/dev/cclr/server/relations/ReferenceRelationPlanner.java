package dev.cclr.server.relations;

import dev.cclr.proto.Expression;
import dev.cclr.proto.Limit;
import dev.cclr.proto.Offset;
import dev.cclr.proto.Project;
import dev.cclr.proto.Range;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ShowString;
import dev.cclr.proto.Tail;
import dev.cclr.proto.ToDF;
import dev.cclr.server.schema.StructField;

/**
 * The reference server's {@link RelationPlanner}: local data in its three forms
 * (ChunkedCachedLocalRelation, LocalRelation, CachedLocalRelation) plus the operators clients
 * put on top of it (ToDF, Limit, Offset, Tail, ShowString, an empty or star Project, a count()
 * Aggregate) and Range. A Relation with no relation type set is refused as Spark 4.2 refuses it;
 * a valid relation kind this server does not implement (it arrives as an unknown field) is
 * answered with UNIMPLEMENTED and CCLR_UNSUPPORTED_RELATION naming it.
 *
 * <p>Construct with {@code new ReferenceRelationPlanner()} (schema checks up front, data
 * streamed) or with {@link PlannerOptions}. Instances are stateless and thread-safe.
 */
public final class ReferenceRelationPlanner implements RelationPlanner {

  private final ChunkedRelationPlanner chunked;
  private final LocalRelationPlanner local;
  private final CountAggregatePlanner count;

  public ReferenceRelationPlanner() {
    this(PlannerOptions.DEFAULT);
  }

  public ReferenceRelationPlanner(PlannerOptions options) {
    this(options, SchemaReader.SPARK);
  }

  /** With another reader of schema strings (the self-test plants faulty ones here). */
  public ReferenceRelationPlanner(PlannerOptions options, SchemaReader schemas) {
    LocalDataPlanner localData = new LocalDataPlanner(options);
    this.chunked = new ChunkedRelationPlanner(localData, schemas);
    this.local = new LocalRelationPlanner(localData, schemas);
    this.count = new CountAggregatePlanner(this::plan);
  }

  @Override
  public RelationResult plan(Relation relation, PlanningContext context) {
    switch (relation.getRelTypeCase()) {
      case CHUNKED_CACHED_LOCAL_RELATION:
        return chunked.plan(relation.getChunkedCachedLocalRelation(), context);
      case LOCAL_RELATION:
        return local.plan(relation.getLocalRelation(), context);
      case CACHED_LOCAL_RELATION:
        return local.plan(relation.getCachedLocalRelation(), context);
      case LIMIT:
        return limit(relation.getLimit(), context);
      case AGGREGATE:
        return count.plan(relation.getAggregate(), context);
      case RANGE:
        return range(relation.getRange(), context);
      case TO_DF:
        return toDf(relation.getToDf(), context);
      case OFFSET:
        return offset(relation.getOffset(), context);
      case TAIL:
        return tail(relation.getTail(), context);
      case SHOW_STRING:
        return showString(relation.getShowString(), context);
      case PROJECT:
        return project(relation.getProject(), context);
      case RELTYPE_NOT_SET:
      default:
        var unknown = RelationKinds.unknownKind(relation);
        if (unknown.isPresent()) {
          throw RelationErrors.unsupportedRelation(
              RelationKinds.name(unknown.getAsInt()), unknown.getAsInt());
        }
        throw RelationErrors.oneOfNotSet("spark.connect.Relation", "RELTYPE_NOT_SET");
    }
  }

  private RelationResult limit(Limit limit, PlanningContext context) {
    RelationResult input = plan(limit.getInput(), context);
    if (limit.getLimit() < 0) {
      input.close();
      throw RelationErrors.negativeLimit(limit.getLimit());
    }
    return new LimitResult(input, limit.getLimit());
  }

  private RelationResult toDf(ToDF toDf, PlanningContext context) {
    RelationResult input = plan(toDf.getInput(), context);
    int columns = input.sparkSchema().getStruct().getFieldsCount();
    if (columns != toDf.getColumnNamesCount()) {
      input.close();
      throw RelationErrors.toDfArity(columns, toDf.getColumnNamesCount());
    }
    return new RenamedResult(input, toDf.getColumnNamesList(),
        context.allocator().newChildAllocator("to_df", 0, Long.MAX_VALUE));
  }

  private RelationResult offset(Offset offset, PlanningContext context) {
    RelationResult input = plan(offset.getInput(), context);
    if (offset.getOffset() < 0) {
      input.close();
      throw RelationErrors.negativeLimitLike("offset", offset.getOffset());
    }
    return new OffsetResult(input, offset.getOffset());
  }

  private RelationResult tail(Tail tail, PlanningContext context) {
    RelationResult input = plan(tail.getInput(), context);
    if (tail.getLimit() < 0) {
      input.close();
      throw RelationErrors.negativeLimitLike("tail", tail.getLimit());
    }
    return new TailResult(input, tail.getLimit(),
        context.allocator().newChildAllocator("tail", 0, Long.MAX_VALUE));
  }

  private RelationResult showString(ShowString show, PlanningContext context) {
    RelationResult input = plan(show.getInput(), context);
    StructField unsupported = ShowStringResult.unsupportedColumn(input);
    if (unsupported != null) {
      input.close();
      throw RelationErrors.unsupportedInRelation("show_string", Relation.SHOW_STRING_FIELD_NUMBER,
          "a column of type " + unsupported.type().sql());
    }
    return new ShowStringResult(input, show, context.sessionZone(),
        context.allocator().newChildAllocator("show_string", 0, Long.MAX_VALUE));
  }

  /** The Project forms clients send for read-back actions: no expressions, or a bare star. */
  private RelationResult project(Project project, PlanningContext context) {
    boolean bareStar = project.getExpressionsCount() == 1
        && project.getExpressions(0).getExprTypeCase() == Expression.ExprTypeCase.UNRESOLVED_STAR
        && !project.getExpressions(0).getUnresolvedStar().hasUnparsedTarget();
    if (project.getExpressionsCount() > 0 && !bareStar) {
      throw RelationErrors.unsupportedInRelation("project", Relation.PROJECT_FIELD_NUMBER,
          "expressions other than none or a bare *");
    }
    RelationResult input = plan(project.getInput(), context);
    return bareStar ? input : new EmptyProjectionResult(input);
  }

  private static RelationResult range(Range range, PlanningContext context) {
    if (range.getStep() == 0) {
      throw RelationErrors.rangeStepZero();
    }
    // Spark accepts the plan and fails when it executes it.
    var executionError = range.hasNumPartitions() && range.getNumPartitions() <= 0
        ? RelationErrors.rangePartitions() : null;
    return new RangeResult(range.hasStart() ? range.getStart() : 0, range.getEnd(),
        range.getStep(), context.allocator().newChildAllocator("range", 0, Long.MAX_VALUE),
        context.sessionTimeZone(), executionError);
  }
}
