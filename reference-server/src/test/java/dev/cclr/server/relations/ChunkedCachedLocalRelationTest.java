package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SparkExceptionKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/** ChunkedCachedLocalRelation, rule by rule as Spark 4.2.0 behaves (spark-behaviour §2.4). */
class ChunkedCachedLocalRelationTest extends PlannerTestBase {

  private byte[] oneTwoThree() {
    return Ipc.ints(allocator, "x", true, 1, 2, 3);
  }

  @Test
  void noDataHashesIsRefusedEvenWithASchema() {
    blobs.put("s", "a int");
    for (var relation : List.of(chunked(null), chunked("s"))) {
      SparkError e = planningError(relation);
      assertError(e, "CONNECT_INVALID_PLAN.CHUNKED_CACHED_LOCAL_RELATION_WITHOUT_DATA", "56K00",
          Map.of(), "ChunkedCachedLocalRelation should contain data.");
      assertTrue(e.internalErrorIn41());
      assertEquals(SparkError.INVALID_PLAN_INPUT, e.reason());
    }
  }

  @Test
  void readsChunksInOrderWithArrowNamesWhenNoSchema() {
    blobs.put("d1", oneTwoThree()).put("d2", Ipc.ints(allocator, "x", true, 4, null));
    try (RelationResult result = planner.plan(chunked(null, "d1", "d2"), context)) {
      assertEquals("Schema<x: Int(32, true)>", result.arrowSchema().toString());
      assertEquals("struct { fields { name: \"x\" data_type { integer { } } nullable: true } }",
          com.google.protobuf.TextFormat.printer().emittingSingleLine(true)
              .printToString(result.sparkSchema()));
      assertEquals(Arrays.asList(1, 2, 3, 4, null),
          ResultRows.column(ResultRows.drain(result), 0));
    }
  }

  @Test
  void totalSizeExactlyAtTheLimitPasses() {
    byte[] data = oneTwoThree();
    blobs.put("d", data).put("s", "a int");
    context.sizeLimit = data.length + 5L;
    assertEquals(3, rows(chunked("s", "d")).size());
  }

  @Test
  void totalSizeOneAboveTheLimitFailsBeforeAnythingIsRead() {
    byte[] data = oneTwoThree();
    blobs.put("d", data).put("s", "a int");
    context.sizeLimit = data.length + 4L;
    SparkError e = planningError(chunked("s", "d"));
    assertError(e, "CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED", "56K00",
        Map.of("actualSize", String.valueOf(data.length + 5), "limit",
            String.valueOf(data.length + 4)),
        "Cached local relation size (" + (data.length + 5) + " bytes) exceeds the limit ("
            + (data.length + 4) + " bytes).");
    assertTrue(e.internalErrorIn41());
    assertEquals(0, blobs.opened("d"));
    assertEquals(0, blobs.opened("s"));
  }

  @Test
  void schemaBlobCountsOnlyWhenASchemaHashIsGiven() {
    byte[] data = oneTwoThree();
    blobs.put("d", data).put("s", "a int");
    context.sizeLimit = data.length;
    assertEquals(3, rows(chunked(null, "d")).size());
    assertEquals("LOCAL_RELATION_SIZE_LIMIT_EXCEEDED",
        planningError(chunked("s", "d")).errorClass().substring(21));
  }

  @Test
  void repeatedHashesCountEachTimeAndAMissingBlobCountsZero() {
    byte[] data = oneTwoThree();
    blobs.put("d", data);
    context.sizeLimit = 2L * data.length - 1;
    SparkError e = planningError(chunked(null, "d", "missing", "d"));
    assertEquals(String.valueOf(2 * data.length), e.messageParameters().get("actualSize"));
  }

  @Test
  void chunkSizeLimitIsCheckedAfterTheTotalAndIncludesTheSchemaBlob() {
    byte[] data = oneTwoThree();
    blobs.put("d", data).put("s", "a int");
    context.chunkSizeLimit = data.length;
    assertEquals(3, rows(chunked("s", "d")).size());
    context.chunkSizeLimit = data.length - 1;
    SparkError e = planningError(chunked("s", "d"));
    assertError(e, "CONNECT_INVALID_PLAN.LOCAL_RELATION_CHUNK_SIZE_LIMIT_EXCEEDED", "56K00",
        Map.of("limit", String.valueOf(data.length - 1)),
        "One of cached local relation chunks exceeded the limit of " + (data.length - 1)
            + " bytes.");
    // both limits exceeded: the total is reported
    context.sizeLimit = 1;
    assertEquals("CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED",
        planningError(chunked("s", "d")).errorClass());
    // the schema blob alone above the chunk limit
    context.sizeLimit = 3L << 30;
    blobs.put("big-schema", "a int" + " ".repeat(data.length));
    assertEquals("CONNECT_INVALID_PLAN.LOCAL_RELATION_CHUNK_SIZE_LIMIT_EXCEEDED",
        planningError(chunked("big-schema", "d")).errorClass());
  }

  @Test
  void missingSchemaBlobNamesTheSchemaHashAndTheServerSideSession() {
    blobs.put("d", oneTwoThree());
    SparkError e = planningError(chunked("no-such-schema", "d", "also-missing"));
    assertError(e, "CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION", "56K00",
        Map.of("hash", "no-such-schema", "sessionUUID", context.sessionId),
        "Not found chunked cached local relation block with the hash: no-such-schema in the "
            + "session with sessionUUID " + context.sessionId + ".");
    assertTrue(e.internalErrorIn41());
  }

  @Test
  void missingDataChunkIsNotFoundEvenAfterValidChunks() {
    blobs.put("d", oneTwoThree());
    SparkError e = planningError(chunked(null, "d", "gone"));
    assertEquals("CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION", e.errorClass());
    assertEquals("gone", e.messageParameters().get("hash"));
  }

  @Test
  void chunksWithDifferentArrowSchemasAreAnInternalError() {
    blobs.put("d", oneTwoThree());
    blobs.put("long", Ipc.stream(allocator, Ipc.schema(Ipc.field("x", true,
        new ArrowType.Int(64, true))), root -> {
          ((BigIntVector) root.getVector(0)).setSafe(0, 7);
          root.setRowCount(1);
        }));
    blobs.put("renamed", Ipc.ints(allocator, "y", true, 4));
    blobs.put("nonNull", Ipc.ints(allocator, "x", false, 5));
    for (String other : List.of("long", "renamed", "nonNull")) {
      SparkError e = planningError(chunked(null, "d", other));
      assertError(e, "INTERNAL_ERROR", "XX000",
          Map.of("message", "IPC Streams have different schemas."),
          "IPC Streams have different schemas.");
      assertEquals("org.apache.spark.SparkException", e.reason());
      assertFalse(e.internalErrorIn41(), "same class in 4.1 and 4.2");
    }
  }

  @Test
  void aRepeatedHashIsReadAgain() {
    blobs.put("d", oneTwoThree());
    assertEquals(Arrays.asList(1, 2, 3, 1, 2, 3),
        ResultRows.column(rows(chunked(null, "d", "d")), 0));
    assertEquals(4, blobs.opened("d"), "checked twice and read twice");
  }

  @Test
  void zeroRowChunksAndSchemaOnlyStreamsAreFine() {
    var schema = Ipc.schema(Ipc.field("x", true, new ArrowType.Int(32, true)));
    blobs.put("zero", Ipc.stream(allocator, schema, root -> root.setRowCount(0)));
    blobs.put("noBatch", Ipc.stream(allocator, schema));
    blobs.put("d", oneTwoThree());
    assertEquals(List.of(), rows(chunked(null, "zero")));
    assertEquals(Arrays.asList(1, 2, 3),
        ResultRows.column(rows(chunked(null, "zero", "noBatch", "d", "zero")), 0));
  }

  @Test
  void aChunkMayHoldSeveralBatches() {
    var schema = Ipc.schema(Ipc.field("x", true, new ArrowType.Int(32, true)));
    blobs.put("multi", Ipc.stream(allocator, schema,
        root -> { ((IntVector) root.getVector(0)).setSafe(0, 1); root.setRowCount(1); },
        root -> root.setRowCount(0),
        root -> {
          ((IntVector) root.getVector(0)).setSafe(0, 2);
          ((IntVector) root.getVector(0)).setSafe(1, 3);
          root.setRowCount(2);
        }));
    assertEquals(Arrays.asList(1, 2, 3), ResultRows.column(rows(chunked(null, "multi")), 0));
  }

  @Test
  void anEmptyBlobHasNoSchema() {
    blobs.put("d", oneTwoThree()).put("empty", new byte[0]);
    for (var relation : List.of(chunked(null, "empty"), chunked(null, "d", "empty"))) {
      SparkError e = planningError(relation);
      assertPlainIoError(e, "Unexpected end of input. Missing schema.");
    }
  }

  @Test
  void nonArrowBytesAreAnIoError() {
    blobs.put("d", oneTwoThree()).put("junk", "hello world this is not arrow")
        .put("schema-text", "a int");
    for (var relation : List.of(chunked(null, "junk"), chunked(null, "d", "junk"),
        chunked(null, "schema-text"))) {
      assertPlainIoError(planningError(relation),
          "Unexpected end of stream trying to read message.");
    }
  }

  @Test
  void aHugeLengthPrefixFailsWithoutAllocating() {
    byte[] junk = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3};
    blobs.put("junk", junk);
    assertPlainIoError(planningError(chunked(null, "junk")),
        "Unexpected end of stream trying to read message.");
  }

  @Test
  void aTruncatedBatchFailsWhenItIsRead() {
    byte[] data = oneTwoThree();
    blobs.put("cut", Arrays.copyOf(data, data.length - 20));
    try (RelationResult result = planner.plan(chunked(null, "cut"), context)) {
      SparkError e = assertThrows(SparkError.class, result::nextBatch);
      assertPlainIoError(e, "Unexpected end of input trying to read batch.");
    }
  }

  @Test
  void aStreamWithoutEndMarkerStillReads() {
    byte[] data = oneTwoThree();
    blobs.put("noEos", Arrays.copyOf(data, data.length - 8));
    assertEquals(Arrays.asList(1, 2, 3), ResultRows.column(rows(chunked(null, "noEos")), 0));
  }

  @Test
  void aCorruptBodyLengthIsCaughtBeforeAllocating() {
    byte[] data = oneTwoThree();
    // The record batch message's bodyLength field: find the batch metadata and inflate it by
    // truncating the stream right after the metadata, leaving no body at all.
    byte[] cut = Arrays.copyOf(data, data.length - 8 - 24);
    blobs.put("noBody", cut);
    try (RelationResult result = planner.plan(chunked(null, "noBody"), context)) {
      assertPlainIoError(assertThrows(SparkError.class, result::nextBatch),
          "Unexpected end of input trying to read batch.");
    }
  }

  @Test
  void nextBatchAfterTheEndKeepsReturningNull() {
    blobs.put("d", oneTwoThree());
    try (RelationResult result = planner.plan(chunked(null, "d"), context)) {
      ResultRows.drain(result);
      assertNull(result.nextBatch());
    }
  }

  @Test
  void closingTwiceIsHarmlessAndClosingEarlyReleasesEverything() {
    blobs.put("d", oneTwoThree());
    RelationResult result = planner.plan(chunked(null, "d", "d"), context);
    result.nextBatch();
    result.close();
    result.close();
  }

  @Test
  void aSchemaRenamesCastsAndSetsNullability() {
    byte[] twoColumns = Ipc.stream(allocator, Ipc.schema(
        Ipc.field("x", false, new ArrowType.Int(32, true)),
        Ipc.field("y", true, ArrowType.Utf8.INSTANCE)), root -> {
          ((IntVector) root.getVector(0)).setSafe(0, 7);
          ((VarCharVector) root.getVector(1)).setSafe(0, "s".getBytes());
          root.setRowCount(1);
        });
    blobs.put("d", twoColumns).put("s", "a string, b string");
    try (RelationResult result = planner.plan(chunked("s", "d"), context)) {
      assertEquals("Schema<a: Utf8, b: Utf8>", result.arrowSchema().toString());
      assertEquals(List.of(List.of(new org.apache.arrow.vector.util.Text("7"),
          new org.apache.arrow.vector.util.Text("s"))), ResultRows.drain(result));
    }
  }

  private static void assertPlainIoError(SparkError e, String message) {
    assertNull(e.errorClass(), "plain exceptions carry no error class");
    assertNull(e.sqlState());
    assertEquals(Map.of(), e.messageParameters());
    assertEquals("java.io.IOException", e.reason());
    assertEquals(SparkExceptionKind.IO_EXCEPTION.classes(), e.classes());
    assertEquals(message, e.text());
  }
}
