package dev.cclr.server.relations;

import dev.cclr.proto.Relation;

/**
 * Turns a Relation into a {@link RelationResult}: LocalRelation, CachedLocalRelation and
 * ChunkedCachedLocalRelation, plus the operators real clients put on top of local data (a
 * count() aggregate, a limit). Everything else is refused as Spark refuses it.
 */
public interface RelationPlanner {

  /** Plans and opens the relation. Throws {@link dev.cclr.server.errors.SparkError}. */
  RelationResult plan(Relation relation, PlanningContext context);
}
