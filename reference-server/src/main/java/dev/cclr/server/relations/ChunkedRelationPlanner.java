package dev.cclr.server.relations;

import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.server.relations.ipc.ChunkSource;
import dev.cclr.server.schema.SparkExceptionKind;
import dev.cclr.server.schema.SparkType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ChunkedCachedLocalRelation, in Spark's order of checks: data hashes present; the total size
 * of the data blobs (plus the schema blob when a schema hash is given; a missing blob counts 0)
 * not above localRelationSizeLimit, then no blob above localRelationChunkSizeLimit; the schema
 * blob read and parsed; then the data chunks read in order as one Arrow stream.
 */
final class ChunkedRelationPlanner {

  private final LocalDataPlanner localData;
  private final SchemaReader schemas;

  ChunkedRelationPlanner(LocalDataPlanner localData, SchemaReader schemas) {
    this.localData = localData;
    this.schemas = schemas;
  }

  RelationResult plan(ChunkedCachedLocalRelation relation, PlanningContext context) {
    if (relation.getDataHashesCount() == 0) {
      throw RelationErrors.chunkedWithoutData();
    }
    BlobLookup blobs = context.blobs();
    List<String> hashes = new ArrayList<>(relation.getDataHashesList());
    if (relation.hasSchemaHash()) {
      hashes.add(relation.getSchemaHash());
    }
    checkSizes(hashes, blobs, context);

    Optional<SparkType.StructType> schema = Optional.empty();
    if (relation.hasSchemaHash()) {
      String text = readSchemaBlob(relation.getSchemaHash(), context);
      // SRV-SCH-007: an empty or white-space-only schema blob means no schema.
      if (!text.isBlank()) {
        schema = Optional.of(schemas.read(text));
      }
    }
    List<ChunkSource> chunks = new ArrayList<>();
    for (String hash : relation.getDataHashesList()) {
      chunks.add(new BlobChunkSource(blobs, hash, context.serverSideSessionId()));
    }
    return localData.plan(chunks, schema, context);
  }

  private static void checkSizes(List<String> hashes, BlobLookup blobs, PlanningContext context) {
    long total = 0;
    long largest = 0;
    for (String hash : hashes) {
      long size = blobs.size(hash).orElse(0);
      total = total > Long.MAX_VALUE - size ? Long.MAX_VALUE : total + size;
      largest = Math.max(largest, size);
    }
    if (total > context.localRelationSizeLimit()) {
      throw RelationErrors.sizeLimitExceeded(total, context.localRelationSizeLimit());
    }
    if (largest > context.localRelationChunkSizeLimit()) {
      throw RelationErrors.chunkSizeLimitExceeded(context.localRelationChunkSizeLimit());
    }
  }

  /** The schema blob as text (UTF-8, malformed bytes replaced, as Spark's new String does). */
  private static String readSchemaBlob(String hash, PlanningContext context) {
    try {
      InputStream in = context.blobs().open(hash).orElseThrow(
          () -> RelationErrors.chunkNotFound(hash, context.serverSideSessionId()));
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw SparkExceptionKind.plain(e);
    }
  }
}
