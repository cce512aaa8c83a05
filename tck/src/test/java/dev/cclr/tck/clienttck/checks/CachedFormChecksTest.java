package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ToDF;
import dev.cclr.tck.cases.Profile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks under the spark-4.0 client profile, where a client uploads its data as one cached blob
 * (a serialized LocalRelation) and refers to it by a cached_local_relation, which PySpark and the
 * Go client wrap in a ToDF; and the chunked checks seeing through that wrapper under spark-4.2.
 */
class CachedFormChecksTest {
  private final Scenario small = Scenario.small();
  /** The 5 rows of small.arrow in one Arrow stream, with a schema, serialized as Spark 4.0 clients do. */
  private final ByteString blob = LocalRelation.newBuilder().setData(Scenario.chunks("small.arrow", 5).get(0))
      .setSchema(Scenario.ALL_TYPES_JSON).build().toByteString();

  private static Relation toDf(Relation in) {
    return Relation.newBuilder().setToDf(ToDF.newBuilder().setInput(in).addColumnNames("renamed")).build();
  }

  private static Relation cached(String hash) {
    return toDf(Relation.newBuilder().setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(hash)).build());
  }

  /** A Spark 4.0 client: status check, upload of the one blob, a plan over it. */
  private ClientSim conforming(ByteString data) {
    String name = Scenario.name(data);
    return new ClientSim().status(List.of(name), Set.of()).upload(List.of(ClientSim.cacheBlob(data)))
        .execute(cached(Scenario.key(data)));
  }

  private ClientRun under40(ClientSim sim) {
    ClientRun run = small.run(sim);
    return new ClientRun(run.input(), run.trace(), run.outcome(), run.script(), run.credential(), Profile.SPARK_4_0);
  }

  @Test
  void aConformingSpark40ClientPassesTheChecksThatApply() {
    ClientRun run = under40(conforming(blob));
    assertHolds(RelationChecks.wellFormed(run));
    assertHolds(RelationChecks.refersOnlyToConfirmed(run));
    assertHolds(RelationChecks.hashesReproduceInput(run));
    assertHolds(ArtifactChecks.namesAreSha256(run));
    assertHolds(ArtifactChecks.crcs(run));
    assertHolds(ArtifactChecks.framing(run));
    assertHolds(StatusChecks.exactNames(run));
    assertHolds(SessionChecks.oneSession(run));
    assertHolds(OutcomeChecks.rowsEqualInput(run));
  }

  @Test
  void wellFormedJudgesTheCachedHash() {
    String upper = Scenario.key(blob).toUpperCase();
    assertBroken(RelationChecks.wellFormed(under40(new ClientSim().execute(cached(upper)))),
        "a cached relation's hash is '" + upper + "', not a bare lower-case hex SHA-256 key");
  }

  @Test
  void refersOnlyToConfirmedJudgesTheCachedBlob() {
    ClientRun run = under40(new ClientSim().execute(cached(Scenario.key(blob))));
    assertBroken(RelationChecks.refersOnlyToConfirmed(run), "ExecutePlan call #1 refers to " + Scenario.shortKey(blob)
        + ", which the client had not confirmed present in session " + ClientSim.SESSION + " (server-side session "
        + ClientSim.SERVER_SIDE + ")");
  }

  @Test
  void theCachedBlobMustHoldTheInputRows() {
    ByteString twoRows = LocalRelation.newBuilder().setData(Scenario.chunks("small.arrow", 2).get(0)).build().toByteString();
    Judgement j = RelationChecks.hashesReproduceInput(under40(conforming(twoRows)));
    assertEquals(Judgement.Kind.BROKEN, j.kind());
    assertTrue(j.problems().get(0).startsWith("the cached blob's rows differ from the input: "), j.problems().toString());
    ByteString notARelation = ByteString.copyFromUtf8("\u00ff\u00ff not a LocalRelation");
    Judgement k = RelationChecks.hashesReproduceInput(under40(conforming(notARelation)));
    assertEquals(Judgement.Kind.BROKEN, k.kind());
    assertTrue(k.problems().get(0).startsWith("the cached blob " + Scenario.shortKey(notARelation) + " is not a serialized LocalRelation"),
        k.problems().toString());
    ByteString schemaOnly = LocalRelation.newBuilder().setSchema("a int").build().toByteString();
    assertBroken(RelationChecks.hashesReproduceInput(under40(conforming(schemaOnly))),
        "the cached blob " + Scenario.shortKey(schemaOnly) + " is a LocalRelation without data");
  }

  /**
   * Each profile's upload form is the only right one: chunks under spark-4.0, or one cached blob
   * under spark-4.2, break the rules of the relation (judged on the relation sent); no local data
   * at all leaves nothing to judge.
   */
  @Test
  void theOtherProfilesUploadFormIsBroken() {
    String chunked40 = "ExecutePlan call #4 carries the data as a chunked_cached_local_relation, not as a cached_local_relation"
        + " (the form of clients of Spark 4.0)";
    assertBroken(RelationChecks.wellFormed(under40(small.wellBehaved())), chunked40);
    assertBroken(RelationChecks.refersOnlyToConfirmed(under40(small.wellBehaved())), chunked40);
    String cached42 = "ExecutePlan call #3 carries the data as a cached_local_relation, not as a chunked_cached_local_relation";
    assertBroken(RelationChecks.wellFormed(small.run(conforming(blob))), cached42);
    assertBroken(RelationChecks.hashesReproduceInput(small.run(conforming(blob))), cached42);
    String none40 = "the client sent no cached_local_relation (the case's data is 5 rows and localRelationCacheThreshold is 1024,"
        + " so a client of Spark 4.0 has to)";
    assertNothingToJudge(RelationChecks.wellFormed(under40(new ClientSim())), none40);
  }

  @Test
  void chunkedChecksSeeThroughAToDf() {
    ClientSim wrapped = new ClientSim().readSettings(ConfigurationChecks.CHUNKING_KEYS).status(small.names(), Set.of())
        .upload(small.blobs()).execute(toDf(small.relation()));
    ClientRun run = small.run(wrapped);
    assertHolds(RelationChecks.wellFormed(run));
    assertHolds(RelationChecks.refersOnlyToConfirmed(run));
    assertHolds(RelationChecks.hashesReproduceInput(run));
    assertHolds(SessionChecks.oneSession(run));
  }
}
