package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNotApplicable;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import com.google.protobuf.ByteString;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.clienttck.checks.ClientRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The schema-blob rules (CLI-SCH-001..004, CLI-ALG-005) on hand-made recordings. */
class SchemaChecksTest {
  private static final String NO_CHUNKED = "the client sent no chunked_cached_local_relation (the case's data is 5 rows and"
      + " localRelationCacheThreshold is 1024, so it has to)";
  private final Scenario small = Scenario.small();

  /** The same conversation with another schema blob. */
  private ClientRun withSchema(ByteString schema) {
    Scenario s = small.withSchema(schema);
    return s.run(s.wellBehaved());
  }

  /** What every schema check says when there is no schema blob, or none to read, or no chunked relation. */
  private void assertNothingOrNotApplicable(Function<ClientRun, Judgement> check) {
    Scenario noSchema = small.withSchema(null);
    assertNotApplicable(check.apply(noSchema.run(noSchema.wellBehaved())), "the client sends no schema blob");
    List<ArtifactBlob> chunksOnly = small.blobs().subList(1, 4);
    ClientSim schemaNeverSent = new ClientSim().status(small.names(), Set.of()).upload(chunksOnly).execute(small.relation());
    assertNothingToJudge(check.apply(small.run(schemaNeverSent)), "the schema blob was never uploaded in this run");
    ClientSim inline = new ClientSim().execute(Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder()
        .setSchema(Scenario.ALL_TYPES_JSON).setData(small.chunks().get(0))).build());
    assertBroken(check.apply(small.run(inline)), small.inlineAboveThreshold(true));
  }

  @Test
  void utf8() {
    assertHolds(SchemaChecks.utf8(small.run(small.wellBehaved())));
    ByteString bom = ByteString.copyFrom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).concat(small.schema());
    assertBroken(SchemaChecks.utf8(withSchema(bom)), "schema blob " + Scenario.shortKey(bom) + " starts with a UTF-8 byte-order mark");
    ByteString latin1 = ByteString.copyFrom(Scenario.ALL_TYPES_JSON, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertBroken(SchemaChecks.utf8(withSchema(latin1)), "schema blob " + Scenario.shortKey(latin1) + " is not valid UTF-8");
    assertNothingOrNotApplicable(SchemaChecks::utf8);
  }

  @Test
  void neverEmpty() {
    assertHolds(SchemaChecks.neverEmpty(small.run(small.wellBehaved())));
    ByteString blank = Scenario.utf8(" \n");
    assertBroken(SchemaChecks.neverEmpty(withSchema(blank)),
        "schemaHash " + Scenario.shortKey(blank) + " names an empty or white-space-only schema blob",
        "uploaded an empty or white-space-only blob " + Scenario.name(blank));
    Scenario noSchema = small.withSchema(null);
    assertHolds(SchemaChecks.neverEmpty(noSchema.run(noSchema.wellBehaved())));
    ClientSim inline = new ClientSim().execute(Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder()
        .setSchema(Scenario.ALL_TYPES_JSON)).build());
    assertNothingToJudge(SchemaChecks.neverEmpty(small.run(inline)), NO_CHUNKED);
  }

  @Test
  void matchesData() {
    assertHolds(SchemaChecks.matchesData(small.run(small.wellBehaved())));
    ByteString idOnly = Scenario.utf8("{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}}]}");
    assertBroken(SchemaChecks.matchesData(withSchema(idOnly)), "the schema has 1 field(s) where the chunks have 14");
    ByteString pointWithoutY = Scenario.utf8(Scenario.ALL_TYPES_JSON.replace(",{\"name\":\"y\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}}", ""));
    assertBroken(SchemaChecks.matchesData(withSchema(pointWithoutY)), "struct point has 1 field(s) where the chunks have 2");
    // The DDL form is a schema too (its form is another check's business).
    ByteString ddl = Scenario.utf8("id bigint, i32 int, i16 smallint, i8 tinyint, f64 double, f32 float, flag boolean, `nom_é` string,"
        + " bin binary, day date, ts timestamp, amount decimal(18,6), tags array<string>, point struct<x:double,y:double>");
    assertHolds(SchemaChecks.matchesData(withSchema(ddl)));
    assertNothingOrNotApplicable(SchemaChecks::matchesData);
  }

  @Test
  void jsonForm() {
    assertHolds(SchemaChecks.jsonForm(small.run(small.wellBehaved())));
    ByteString ddl = Scenario.utf8("id bigint, i32 int");
    assertBroken(SchemaChecks.jsonForm(withSchema(ddl)), "schema blob " + Scenario.shortKey(ddl) + " is not JSON: 'id bigint, i32 int'");
    ByteString atomic = Scenario.utf8("{\"type\":\"long\"}");
    assertBroken(SchemaChecks.jsonForm(withSchema(atomic)),
        "schema blob " + Scenario.shortKey(atomic) + " is JSON but not a struct type with fields");
    assertNothingOrNotApplicable(SchemaChecks::jsonForm);
  }

  @Test
  void schemaFirst() {
    assertHolds(SchemaChecks.schemaFirst(small.run(small.wellBehaved())));
    List<ArtifactBlob> schemaLast = new ArrayList<>(small.blobs().subList(1, 4));
    schemaLast.add(small.blobs().get(0));
    ClientSim late = new ClientSim().status(schemaLast.stream().map(ArtifactBlob::name).toList(), Set.of())
        .upload(schemaLast).execute(small.relation());
    assertBroken(SchemaChecks.schemaFirst(small.run(late)),
        "the first status check naming the schema blob (call #1) lists it at position 4",
        "AddArtifacts call #2 does not upload the schema blob first");
    assertNothingOrNotApplicable(SchemaChecks::schemaFirst);
    // The schema blob checked and uploaded on its own: its place among other blobs cannot show.
    List<ArtifactBlob> data = small.blobs().subList(1, 4);
    ClientSim alone = new ClientSim().status(List.of(small.names().get(0)), Set.of()).upload(small.blobs().subList(0, 1))
        .status(data.stream().map(ArtifactBlob::name).toList(), Set.of()).upload(data).execute(small.relation());
    assertNothingToJudge(SchemaChecks.schemaFirst(small.run(alone)),
        "the schema blob never shared a status check or an AddArtifacts call with another blob, so its place among them could not show");
  }
}
