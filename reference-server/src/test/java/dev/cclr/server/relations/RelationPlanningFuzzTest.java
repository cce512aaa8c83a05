package dev.cclr.server.relations;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Limit;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.server.testing.FuzzScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: relation planning over a store of valid and invalid blobs. The input is a
 * {@link FuzzScript} that picks the relation (a ChunkedCachedLocalRelation, alone or under a
 * Limit, a CachedLocalRelation, a LocalRelation with a schema string), its dataHashes and
 * schemaHash (stored blobs, one blob whose bytes come from the input, or names that are not
 * stored) and the session's size limits. The property is {@link FuzzPlanning}'s. Seeds:
 * {@code RelationPlanningFuzzTestInputs/plan/} (written by {@link FuzzSeeds}).
 */
class RelationPlanningFuzzTest {

  /** The stored blobs, in a fixed order the scripts index into. */
  static final List<String> HASHES;
  private static final Map<String, byte[]> BLOBS = new LinkedHashMap<>();
  /** The name under which the input's own blob (if any) is stored. */
  static final String INPUT_BLOB = "f".repeat(64);
  static final int DEFAULT_LIMIT = 0;
  static final int SMALL_LIMIT = 1;
  static final int ANY_LIMIT = 2;

  static {
    Map<String, byte[]> streams = FuzzSamples.ipcStreams();
    streams.values().forEach(b -> BLOBS.put(FuzzSamples.sha256(b), b));
    FuzzSamples.schemaStrings().values()
        .forEach(s -> BLOBS.put(FuzzSamples.sha256(s.getBytes(StandardCharsets.UTF_8)),
            s.getBytes(StandardCharsets.UTF_8)));
    FuzzSamples.junkBlobs(streams.get("ints-no_compression")).values()
        .forEach(b -> BLOBS.putIfAbsent(FuzzSamples.sha256(b), b));
    // A serialized LocalRelation, what a CachedLocalRelation names.
    byte[] cached = LocalRelation.newBuilder().setSchema("id INT")
        .setData(ByteString.copyFrom(streams.get("ints-zstd"))).build().toByteArray();
    BLOBS.put(FuzzSamples.sha256(cached), cached);
    HASHES = List.copyOf(BLOBS.keySet());
  }

  private static final FuzzPlanning.Outcomes OUTCOMES = new FuzzPlanning.Outcomes();

  /** A hang: an input taking longer fails (in its own thread, so that even a busy loop is cut short; Jazzer reads the value as its -timeout). */
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "20s")
  void plan(byte[] input) {
    FuzzScript script = new FuzzScript(input);
    InMemoryBlobs blobs = new InMemoryBlobs();
    BLOBS.forEach(blobs::put);
    if (script.flag()) {
      blobs.put(INPUT_BLOB, script.bytes());
    }
    Relation relation = switch (script.choose(5)) {
      case 0, 1 -> chunked(script);
      case 2 -> Relation.newBuilder().setLimit(Limit.newBuilder().setInput(chunked(script))
          .setLimit((int) script.i64())).build();
      case 3 -> Relation.newBuilder()
          .setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(hash(script))).build();
      default -> local(script, blobs);
    };
    long sizeLimit = limit(script, 3L << 30);
    long chunkSizeLimit = limit(script, 2000L << 20);
    FuzzPlanning.planAndDrain(relation, blobs, sizeLimit, chunkSizeLimit, OUTCOMES);
  }

  private static Relation chunked(FuzzScript script) {
    ChunkedCachedLocalRelation.Builder b = ChunkedCachedLocalRelation.newBuilder();
    int chunks = script.choose(8);
    for (int i = 0; i < chunks; i++) {
      b.addDataHashes(hash(script));
    }
    switch (script.choose(3)) {
      case 0 -> { }
      case 1 -> b.setSchemaHash(hash(script));
      default -> b.setSchemaHash(script.string());
    }
    return Relation.newBuilder().setChunkedCachedLocalRelation(b).build();
  }

  /** A LocalRelation whose data is a stored blob and whose schema string comes from one or the input. */
  private static Relation local(FuzzScript script, InMemoryBlobs blobs) {
    LocalRelation.Builder b = LocalRelation.newBuilder();
    if (script.flag()) {
      b.setData(ByteString.copyFrom(stored(blobs, hash(script))));
    }
    switch (script.choose(3)) {
      case 0 -> { }
      case 1 -> b.setSchema(new String(stored(blobs, hash(script)), StandardCharsets.UTF_8));
      default -> b.setSchema(script.string());
    }
    return Relation.newBuilder().setLocalRelation(b).build();
  }

  private static byte[] stored(InMemoryBlobs blobs, String hash) {
    try (var in = blobs.open(hash).orElse(null)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A stored blob's name (most bytes), the input's blob, or any string (likely not stored). */
  static String hash(FuzzScript script) {
    int c = script.u8();
    if (c < 0xF0) {
      return HASHES.get(c % HASHES.size());
    }
    return c < 0xF8 ? INPUT_BLOB : script.string();
  }

  private static long limit(FuzzScript script, long sparkDefault) {
    return switch (script.choose(3)) {
      case DEFAULT_LIMIT -> sparkDefault;
      case SMALL_LIMIT -> script.u16() + 1;
      default -> Math.max(1, script.i64() & Long.MAX_VALUE);
    };
  }

  @AfterAll
  static void report() {
    System.out.println("RelationPlanningFuzzTest: " + OUTCOMES);
  }

  /** Script builders for seeds; see {@link FuzzSeeds}. */
  static List<byte[]> seeds() {
    List<byte[]> out = new ArrayList<>();
    int streams = FuzzSamples.ipcStreams().size();
    int schemas = FuzzSamples.schemaStrings().size();
    // One CCLR per stream (with and without a schema blob), several chunks of one stream,
    // mixed schemas, missing blobs, a Limit, a CachedLocalRelation, LocalRelations with schemas.
    for (int i = 0; i < streams; i++) {
      out.add(new FuzzScript.Writer().flag(false).u8(0).u8(1).u8(i).u8(0)
          .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    }
    // The int streams with the schema blob "id INT" (the first schema string).
    for (int i = 0; i < streams; i += streams / 3) {
      out.add(new FuzzScript.Writer().flag(false).u8(0).u8(1).u8(i).u8(1).u8(streams)
          .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    }
    out.add(new FuzzScript.Writer().flag(false).u8(0).u8(3).u8(0).u8(0).u8(0).u8(0)
        .u8(DEFAULT_LIMIT).u8(SMALL_LIMIT).u16(600).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(0).u8(2).u8(0).u8(3).u8(0)
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(0).u8(1).u8(0).u8(2).string("no-such-schema")
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(true).bytes(FuzzSamples.ipcStreams().get("list-struct-lz4_frame"))
        .u8(1).u8(2).u8(0xF0).u8(0xF1).u8(0).u8(SMALL_LIMIT).u16(100).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(2).u8(2).u8(4).u8(4).u8(0).i64(3)
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(3).u8(HASHES.size() - 1)
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(4).flag(true).u8(0).u8(2).string("a LONG")
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(4).flag(false).u8(1).u8(streams + 1)
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    out.add(new FuzzScript.Writer().flag(false).u8(0).u8(1).u8(streams + schemas + 2).u8(0)
        .u8(DEFAULT_LIMIT).u8(DEFAULT_LIMIT).toByteArray());
    return out;
  }
}
