package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.server.errors.SparkError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Fresh blobs, context and allocator per test; after each test every Arrow buffer must have
 * been released and every blob stream closed.
 */
abstract class PlannerTestBase {

  RootAllocator allocator;
  InMemoryBlobs blobs;
  TestContext context;
  RelationPlanner planner;

  @BeforeEach
  void setUpPlanner() {
    allocator = new RootAllocator();
    blobs = new InMemoryBlobs();
    context = new TestContext(blobs, allocator);
    planner = new ReferenceRelationPlanner();
  }

  @AfterEach
  void noLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory still allocated");
    assertEquals(0, blobs.openStreams.get(), "blob streams left open");
    allocator.close();
  }

  static Relation chunked(String schemaHash, String... dataHashes) {
    ChunkedCachedLocalRelation.Builder b =
        ChunkedCachedLocalRelation.newBuilder().addAllDataHashes(Arrays.asList(dataHashes));
    if (schemaHash != null) {
      b.setSchemaHash(schemaHash);
    }
    return Relation.newBuilder().setChunkedCachedLocalRelation(b).build();
  }

  static Relation local(String schema, byte[] data) {
    LocalRelation.Builder b = LocalRelation.newBuilder();
    if (schema != null) {
      b.setSchema(schema);
    }
    if (data != null) {
      b.setData(com.google.protobuf.ByteString.copyFrom(data));
    }
    return Relation.newBuilder().setLocalRelation(b).build();
  }

  /** Plans and drains the relation, closing the result. */
  List<List<Object>> rows(Relation relation) {
    try (RelationResult result = planner.plan(relation, context)) {
      return ResultRows.drain(result);
    }
  }

  /** The error planning (or, failing that, draining) the relation raises. */
  SparkError error(Relation relation) {
    return assertThrows(SparkError.class, () -> rows(relation));
  }

  /** The error planning raises, before any batch is asked for. */
  SparkError planningError(Relation relation) {
    return assertThrows(SparkError.class, () -> planner.plan(relation, context).close());
  }

  static void assertError(SparkError e, String errorClass, String sqlState,
      Map<String, String> params, String text) {
    assertEquals(errorClass, e.errorClass(), "error class; text: " + e.text());
    assertEquals(sqlState, e.sqlState(), "SQLSTATE");
    assertEquals(params, e.messageParameters(), "message parameters");
    assertEquals(text, e.text(), "text");
  }
}
