package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Limit;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.proto.RelationCommon;
import dev.cclr.tck.fixtures.FixtureException;

/**
 * The relation an {@code execute} or {@code analyze} step names: {@code chunked}, {@code local} or
 * {@code cached}, with {@code planId} set on it when the step gives one, inside the wrappers of
 * {@code wrap} ({@link RelationWrappers}), and then inside a {@code Limit} when the step gives
 * {@code limit}.
 */
final class StepRelations {
  private final StepContext context;

  StepRelations(StepContext context) {
    this.context = context;
  }

  Relation of(JsonNode step, Placeholders p) {
    Relation relation = base(step, p);
    if (step.has("planId")) {
      relation = relation.toBuilder().setCommon(RelationCommon.newBuilder().setPlanId(step.get("planId").asLong())).build();
    }
    if (step.has("wrap")) {
      relation = RelationWrappers.apply(relation, step.get("wrap"));
    }
    if (step.has("limit")) {
      relation = Relation.newBuilder().setLimit(Limit.newBuilder().setInput(relation).setLimit(step.get("limit").asInt())).build();
    }
    return relation;
  }

  private Relation base(JsonNode step, Placeholders p) {
    if (step.has("chunked")) {
      JsonNode spec = step.get("chunked");
      ChunkedCachedLocalRelation.Builder b = ChunkedCachedLocalRelation.newBuilder();
      for (JsonNode ref : spec.path("data")) {
        // {"blob": K, "repeat": N} lists the same hash N times (large relations from one chunk).
        int times = ref.isObject() && ref.has("repeat") ? ref.get("repeat").asInt() : 1;
        String hash = ref.isObject() && ref.has("repeat") ? context.blob(ref.get("blob").asText()).sha256() : hashOf(ref, p);
        for (int i = 0; i < times; i++) {
          b.addDataHashes(hash);
        }
      }
      if (spec.has("schema")) {
        b.setSchemaHash(hashOf(spec.get("schema"), p));
      }
      return Relation.newBuilder().setChunkedCachedLocalRelation(b).build();
    }
    if (step.has("local")) {
      JsonNode spec = step.get("local");
      LocalRelation.Builder b = LocalRelation.newBuilder();
      if (spec.has("data")) {
        b.setData(ByteString.copyFrom(context.blob(spec.get("data").asText()).bytes()));
      }
      if (spec.has("schema")) {
        b.setSchema(p.expand(spec.get("schema").asText()));
      }
      return Relation.newBuilder().setLocalRelation(b).build();
    }
    if (step.has("cached")) {
      return Relation.newBuilder()
          .setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(hashOf(step.get("cached").get("hash"), p)))
          .build();
    }
    throw new FixtureException("execute step names no relation (chunked, local or cached)");
  }

  /** A blob key (its sha256), or {@code {"hash": "..."}} for a hash given as text. */
  private String hashOf(JsonNode ref, Placeholders p) {
    if (ref.isObject()) {
      return p.expand(ref.path("hash").asText());
    }
    return context.blob(ref.asText()).sha256();
  }
}
