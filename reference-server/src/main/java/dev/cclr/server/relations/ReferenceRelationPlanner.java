package dev.cclr.server.relations;

import dev.cclr.proto.Limit;
import dev.cclr.proto.Range;
import dev.cclr.proto.Relation;

/**
 * The reference server's {@link RelationPlanner}: local data in its three forms
 * (ChunkedCachedLocalRelation, LocalRelation, CachedLocalRelation) plus the operators clients
 * put on top of it (Limit, a count() Aggregate) and Range. A Relation with no relation type set
 * is refused as Spark 4.2 refuses it; so is anything else.
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
    LocalDataPlanner localData = new LocalDataPlanner(options);
    this.chunked = new ChunkedRelationPlanner(localData);
    this.local = new LocalRelationPlanner(localData);
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
      case RELTYPE_NOT_SET:
      default:
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
