package dev.cclr.server.relations;

import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.LocalRelation;
import dev.cclr.server.schema.SparkExceptionKind;
import dev.cclr.server.schema.SparkType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The older ways of shipping local data: LocalRelation (the Arrow stream inline in the plan)
 * and CachedLocalRelation (a serialized LocalRelation uploaded as one {@code cache/<hash>}
 * blob). The schema string, when present, is parsed first; with data it renames and casts the
 * columns, without data it describes an empty relation; with neither Spark refuses the plan.
 */
final class LocalRelationPlanner {

  private final LocalDataPlanner localData;
  private final SchemaReader schemas;

  LocalRelationPlanner(LocalDataPlanner localData, SchemaReader schemas) {
    this.localData = localData;
    this.schemas = schemas;
  }

  RelationResult plan(LocalRelation relation, PlanningContext context) {
    Optional<SparkType.StructType> schema = relation.hasSchema()
        ? Optional.of(schemas.read(relation.getSchema()))
        : Optional.empty();
    if (relation.hasData()) {
      return localData.plan(List.of(new BytesChunkSource(relation.getData())), schema, context);
    }
    if (schema.isEmpty()) {
      throw RelationErrors.schemaRequired();
    }
    return localData.planEmpty(schema.get(), context);
  }

  RelationResult plan(CachedLocalRelation relation, PlanningContext context) {
    String hash = relation.getHash();
    LocalRelation local;
    try {
      InputStream in = context.blobs().open(hash)
          .orElseThrow(() -> RelationErrors.cachedRelationNotFound(hash));
      try (in) {
        local = LocalRelation.parseFrom(in);
      }
    } catch (IOException e) {
      // Includes protobuf's InvalidProtocolBufferException, which Spark reports under its
      // shaded class name.
      throw SparkExceptionKind.plain(e);
    }
    return plan(local, context);
  }
}
