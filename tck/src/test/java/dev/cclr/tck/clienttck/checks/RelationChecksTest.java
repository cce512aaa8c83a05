package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNotApplicable;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import com.google.protobuf.ByteString;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relation rules (CLI-REL-001/002, CLI-SES-003, CLI-ALG-001/002/008) on hand-made recordings. */
class RelationChecksTest {
  private static final String NO_CHUNKED = "the client sent no chunked_cached_local_relation (the case's data is 5 rows and"
      + " localRelationCacheThreshold is 1024, so it has to)";
  private final Scenario small = Scenario.small();

  private static Relation inline(ByteString data, String schema) {
    LocalRelation.Builder r = LocalRelation.newBuilder();
    if (data != null) {
      r.setData(data);
    }
    if (schema != null) {
      r.setSchema(schema);
    }
    return Relation.newBuilder().setLocalRelation(r).build();
  }

  private ClientSim inlineOnly() {
    return new ClientSim().execute(inline(small.chunks().get(0), Scenario.ALL_TYPES_JSON));
  }

  @Test
  void wellFormed() {
    assertHolds(RelationChecks.wellFormed(small.run(small.wellBehaved())));
    String upper = Scenario.key(small.chunks().get(0)).toUpperCase();
    Relation bad = Relation.newBuilder().setChunkedCachedLocalRelation(ChunkedCachedLocalRelation.newBuilder()
        .addDataHashes(upper).setSchemaHash(small.names().get(0))).build();
    Relation none = Relation.newBuilder().setChunkedCachedLocalRelation(ChunkedCachedLocalRelation.newBuilder()).build();
    assertBroken(RelationChecks.wellFormed(small.run(new ClientSim().execute(bad).execute(none))),
        "dataHashes has '" + upper + "', not a bare lower-case hex SHA-256 key",
        "schemaHash is '" + small.names().get(0) + "', not a bare lower-case hex SHA-256 key",
        "a chunked relation has no dataHashes");
    assertBroken(RelationChecks.wellFormed(small.run(inlineOnly())), small.inlineAboveThreshold(true));
  }

  /**
   * A client that sends data inline above the threshold (the Go client, pyspark-client-rust) is
   * judged on the relation it sent: the upload-form rules find it broken, naming the inline
   * relation; inline data within the threshold leaves them with nothing to judge.
   */
  @Test
  void inlineAboveTheThresholdIsJudgedOnTheRelationSent() {
    Relation wrapped = Relation.newBuilder().setToDf(dev.cclr.proto.ToDF.newBuilder()
        .setInput(inline(small.chunks().get(0), null)).addColumnNames("a")).build();
    Scenario tiny = small.withConf(Map.of(Scenario.THRESHOLD, "10"));
    long size = small.chunks().get(0).size();
    String problem = "ExecutePlan call #1 carries the 5-row data as an inline local_relation of " + size
        + " bytes (schema and data), above localRelationCacheThreshold = 10, not as a chunked_cached_local_relation";
    ClientSim sim = new ClientSim().execute(wrapped);
    assertBroken(RelationChecks.wellFormed(tiny.run(sim)), problem);
    assertBroken(RelationChecks.hashesReproduceInput(tiny.run(sim)), problem);
    assertBroken(RelationChecks.refersOnlyToConfirmed(tiny.run(sim)), problem);
    assertBroken(SchemaChecks.neverEmpty(tiny.run(sim)), problem);
    Scenario roomy = small.withConf(Map.of(Scenario.THRESHOLD, Long.toString(size)));
    assertNothingToJudge(RelationChecks.wellFormed(roomy.run(sim)), NO_CHUNKED.replace("1024", Long.toString(size)));
  }

  @Test
  void refersOnlyToConfirmed() {
    assertHolds(RelationChecks.refersOnlyToConfirmed(small.run(small.wellBehaved())));
    // A second DataFrame over the same data: the status check confirms every blob, nothing is uploaded.
    Set<String> all = Set.copyOf(small.names());
    assertHolds(RelationChecks.refersOnlyToConfirmed(small.run(new ClientSim().status(small.names(), all).execute(small.relation()))));
    // The server restarted the session after the upload: a new server-side id, and the blobs are gone.
    ClientSim restarted = new ClientSim().status(small.names(), Set.of()).upload(small.blobs());
    restarted.serverSide = "restarted-session";
    restarted.execute(small.relation());
    List<String> problems = new ArrayList<>();
    for (ByteString blob : List.of(small.chunks().get(0), small.chunks().get(1), small.chunks().get(2), small.schema())) {
      problems.add("ExecutePlan call #3 refers to " + Scenario.shortKey(blob) + ", which the client had not confirmed present in"
          + " session " + ClientSim.SESSION + " (server-side session restarted-session)");
    }
    assertBroken(RelationChecks.refersOnlyToConfirmed(small.run(restarted)), problems.toArray(String[]::new));
    // Confirmed in another session does not count either.
    ClientSim otherSession = new ClientSim().status(small.names(), all);
    otherSession.session = "7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d";
    otherSession.execute(small.relation());
    assertBroken(RelationChecks.refersOnlyToConfirmed(small.run(otherSession)), problems.stream()
        .map(p -> p.replace("call #3", "call #2").replace(ClientSim.SESSION, otherSession.session)
            .replace("restarted-session", ClientSim.SERVER_SIDE)).toArray(String[]::new));
    assertBroken(RelationChecks.refersOnlyToConfirmed(small.run(inlineOnly())), small.inlineAboveThreshold(true));
  }

  @Test
  void hashesReproduceInput() {
    assertHolds(RelationChecks.hashesReproduceInput(small.run(small.wellBehaved())));
    Scenario reversed = small.withChunks(List.of(small.chunks().get(2), small.chunks().get(1), small.chunks().get(0)));
    ClientSim outOfOrder = new ClientSim().status(small.names(), Set.of()).upload(small.blobs()).execute(reversed.relation());
    assertBroken(RelationChecks.hashesReproduceInput(small.run(outOfOrder)),
        "the chunks of the relation (3 keys) differ from the input: row 0, column 0 (id): expected 0 but was 4");
    assertBroken(RelationChecks.hashesReproduceInput(small.run(new ClientSim().execute(small.relation()))),
        "data blob " + Scenario.shortKey(small.chunks().get(0)) + " was never uploaded in this run, so its rows are unknown");
    assertBroken(RelationChecks.hashesReproduceInput(small.run(inlineOnly())), small.inlineAboveThreshold(true));
  }

  @Test
  void inlineOnlyWithinThreshold() {
    assertHolds(RelationChecks.inlineOnlyWithinThreshold(small.run(small.wellBehaved())));
    ByteString all = Scenario.chunks("small.arrow", 5).get(0);
    long size = all.size() + Scenario.ALL_TYPES_JSON.getBytes(StandardCharsets.UTF_8).length;
    assertBroken(RelationChecks.inlineOnlyWithinThreshold(small.run(new ClientSim().execute(inline(all, Scenario.ALL_TYPES_JSON)))),
        "an inline local_relation of " + size + " bytes (schema and data) exceeds localRelationCacheThreshold = 1024");
    Scenario oneChunk = small.withChunks(List.of(all)).withConf(Map.of(Scenario.THRESHOLD, "1048576"));
    assertHolds(RelationChecks.inlineOnlyWithinThreshold(oneChunk.run(new ClientSim().execute(inline(all, Scenario.ALL_TYPES_JSON)))));
    assertBroken(RelationChecks.inlineOnlyWithinThreshold(oneChunk.run(oneChunk.wellBehaved())),
        "a chunked relation of one chunk of " + all.size() + " bytes (schema " + small.schema().size()
            + " bytes) fits localRelationCacheThreshold = 1048576 and should have been sent inline");
    assertNothingToJudge(RelationChecks.inlineOnlyWithinThreshold(small.run(new ClientSim().readSettings(List.of()))),
        "the client sent no relation with local data");
  }

  @Test
  void emptyAsSchemaOnly() {
    Scenario empty = Scenario.empty();
    assertHolds(RelationChecks.emptyAsSchemaOnly(empty.run(new ClientSim().execute(inline(null, Scenario.ALL_TYPES_JSON)))));
    assertBroken(RelationChecks.emptyAsSchemaOnly(empty.run(new ClientSim().execute(small.relation()))),
        "data without rows went as chunked_cached_local_relation, not as a local_relation carrying only a schema");
    assertBroken(RelationChecks.emptyAsSchemaOnly(empty.run(new ClientSim().execute(inline(small.chunks().get(0), null)))),
        "data without rows went as local_relation with data without a schema, not as a local_relation carrying only a schema");
    assertNothingToJudge(RelationChecks.emptyAsSchemaOnly(small.run(small.wellBehaved())),
        "the input has 5 rows, so there was no empty data to send");
    assertNothingToJudge(RelationChecks.emptyAsSchemaOnly(empty.run(new ClientSim().readSettings(List.of()))),
        "the client sent no relation with local data");
  }
}
