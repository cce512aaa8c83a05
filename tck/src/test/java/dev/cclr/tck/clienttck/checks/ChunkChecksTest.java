package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.fixtures.ArrowRecipe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The chunk-format and chunk-cutting rules (CLI-CHK-001..004, CLI-ALG-003/004) on hand-made recordings. */
class ChunkChecksTest {
  private static final String NO_CHUNKED = "the client sent no chunked_cached_local_relation (the case's data is 5 rows and"
      + " localRelationCacheThreshold is 1024, so it has to)";
  private final Scenario small = Scenario.small();

  /** An IPC stream made from a fixture recipe (the language-neutral form server manifests use). */
  private static ByteString recipe(String json) {
    try {
      return ByteString.copyFrom(ArrowRecipe.parse(new ObjectMapper().readTree(json)).toIpcStream());
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /** The conversation of a conforming client, but with these chunks (and no schema blob). */
  private ClientRun withChunks(List<ByteString> chunks) {
    Scenario s = small.withSchema(null).withChunks(chunks);
    return s.run(s.wellBehaved());
  }

  /** Data sent inline above the threshold breaks the rule (judged on the relation sent); blobs never uploaded leave nothing to judge. */
  private void assertNothingToJudgeWithoutUploadedChunks(Function<ClientRun, Judgement> check) {
    ClientSim inline = new ClientSim().execute(Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder()
        .setSchema(Scenario.ALL_TYPES_JSON).setData(small.chunks().get(0))).build());
    assertBroken(check.apply(small.run(inline)), small.inlineAboveThreshold(true));
    ClientSim neverUploaded = new ClientSim().status(small.names(), Set.copyOf(small.names())).execute(small.relation());
    assertNothingToJudge(check.apply(small.run(neverUploaded)), "none of the data blobs the relations refer to was uploaded in this run");
  }

  @Test
  void completeStreams() {
    assertHolds(ChunkChecks.completeStreams(small.run(small.wellBehaved())));
    ByteString noEnd = recipe("{\"fields\":[{\"name\":\"id\",\"type\":\"int64\"}],\"batches\":[[[1],[2]]],\"endOfStream\":false}");
    assertBroken(ChunkChecks.completeStreams(withChunks(List.of(noEnd))),
        "data blob " + Scenario.shortKey(noEnd) + " does not end with the end-of-stream marker FF FF FF FF 00 00 00 00");
    ByteString twoStreams = small.chunks().get(0).concat(small.chunks().get(1));
    assertBroken(ChunkChecks.completeStreams(withChunks(List.of(twoStreams))),
        "data blob " + Scenario.shortKey(twoStreams) + " " + small.chunks().get(1).size() + " byte(s) follow the end-of-stream marker");
    assertNothingToJudgeWithoutUploadedChunks(ChunkChecks::completeStreams);
  }

  @Test
  void oneSchema() {
    assertHolds(ChunkChecks.oneSchema(small.run(small.wellBehaved())));
    ByteString ids = recipe("{\"fields\":[{\"name\":\"id\",\"type\":\"int64\"}],\"batches\":[[[1],[2]]]}");
    ByteString first = small.chunks().get(0);
    assertBroken(ChunkChecks.oneSchema(withChunks(List.of(first, ids))),
        "data blob " + Scenario.shortKey(ids) + " has schema " + schemaOf(ids) + ", data blob " + Scenario.shortKey(first)
            + " has " + schemaOf(first));
    assertNothingToJudge(ChunkChecks.oneSchema(withChunks(List.of(first, first))),
        "no relation had two distinct uploaded data blobs to compare");
    assertNothingToJudge(ChunkChecks.oneSchema(small.run(new ClientSim().readSettings(List.of()))), NO_CHUNKED);
  }

  @Test
  void coreTypes() {
    assertHolds(ChunkChecks.coreTypes(small.run(small.wellBehaved())));
    ByteString date64 = recipe("{\"fields\":[{\"name\":\"d\",\"type\":\"date64\"}],\"batches\":[[[\"2024-01-02\"]]]}");
    assertBroken(ChunkChecks.coreTypes(withChunks(List.of(date64))),
        "data blob " + Scenario.shortKey(date64) + " column d has type Date(MILLISECOND), which is not a core or extended type of §6.4");
    assertNothingToJudgeWithoutUploadedChunks(ChunkChecks::coreTypes);
  }

  @Test
  void uncompressed() {
    assertHolds(ChunkChecks.uncompressed(small.run(small.wellBehaved())));
    ByteString lz4 = recipe("{\"fields\":[{\"name\":\"id\",\"type\":\"int64\"}],\"batches\":[[[1],[2]]],\"compression\":\"lz4\"}");
    assertBroken(ChunkChecks.uncompressed(withChunks(List.of(lz4))),
        "data blob " + Scenario.shortKey(lz4) + " has compressed record batch bodies");
    assertNothingToJudgeWithoutUploadedChunks(ChunkChecks::uncompressed);
  }

  @Test
  void rowsWithinLimit() {
    assertHolds(ChunkChecks.rowsWithinLimit(small.run(small.wellBehaved())));
    ByteString five = Scenario.chunks("small.arrow", 5).get(0);
    assertBroken(ChunkChecks.rowsWithinLimit(withChunks(List.of(five))),
        "data blob " + Scenario.shortKey(five) + " has 5 rows, over localRelationChunkSizeRows = 2");
    assertNothingToJudgeWithoutUploadedChunks(ChunkChecks::rowsWithinLimit);
    // 5 rows under a limit of 10: no chunk had to be cut by rows, so a client that ignores the setting cannot show.
    Scenario roomy = small.withConf(Map.of(Scenario.CHUNK_ROWS, "10"));
    assertNothingToJudge(ChunkChecks.rowsWithinLimit(roomy.run(roomy.wellBehaved())),
        "the input's 5 rows fit localRelationChunkSizeRows = 10, so no chunk had to be cut by rows");
  }

  @Test
  void bytesWithinLimit() {
    long together = small.chunks().stream().mapToLong(ByteString::size).sum();
    assertNothingToJudge(ChunkChecks.bytesWithinLimit(small.run(small.wellBehaved())),
        "the chunks of every relation take " + together + " bytes together, within localRelationChunkSizeBytes = 16777216,"
            + " so no chunk had to be cut by size");
    Scenario cut = small.withConf(Map.of(Scenario.CHUNK_BYTES, String.valueOf(together - 1)));
    assertHolds(ChunkChecks.bytesWithinLimit(cut.run(cut.wellBehaved())));
    // One row of tolerance (k = min(1024, chunk rows) = 1): the first 4 of 5 rows must fit 100 bytes.
    Scenario tight = small.withSchema(null).withConf(Map.of(Scenario.CHUNK_ROWS, "1", Scenario.CHUNK_BYTES, "100"));
    ByteString five = Scenario.chunks("small.arrow", 5).get(0);
    long firstFour = Scenario.chunks("small.arrow", 4).get(0).size();
    Scenario fiveRows = tight.withChunks(List.of(five));
    assertBroken(ChunkChecks.bytesWithinLimit(fiveRows.run(fiveRows.wellBehaved())),
        "data blob " + Scenario.shortKey(five) + " has 5 rows and " + five.size() + " bytes; its first 4 rows alone take "
            + firstFour + " bytes, over localRelationChunkSizeBytes = 100");
    // A chunk of one row may be as large as it needs to be.
    Scenario oneRow = tight.withChunks(Scenario.chunks("small.arrow", 1));
    assertHolds(ChunkChecks.bytesWithinLimit(oneRow.run(oneRow.wellBehaved())));
    assertNothingToJudgeWithoutUploadedChunks(ChunkChecks::bytesWithinLimit);
  }

  private static Schema schemaOf(ByteString stream) {
    try (RootAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream.toByteArray()), allocator)) {
      return reader.getVectorSchemaRoot().getSchema();
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
