package dev.cclr.tck.clienttck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.ChunkedUpload;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.drivers.DriverOutcome;
import dev.cclr.tck.clienttck.recording.ServerScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * A client case's data as a conforming client sends it: a real input file of
 * {@code fixtures/client/inputs} cut into Arrow IPC streams, the schema blob in Spark's JSON form,
 * and the server's settings. {@link #wellBehaved()} is the conversation a conforming client has
 * about it; tests change one thing to break one rule.
 */
record Scenario(CanonicalTable input, ByteString schema, List<ByteString> chunks, ServerScript script) {

  /** Spark's JSON form of the schema of the all-types inputs ({@code ClientInputs}). */
  static final String ALL_TYPES_JSON = "{\"type\":\"struct\",\"fields\":["
      + field("id", "\"long\"", false) + "," + field("i32", "\"integer\"", true) + "," + field("i16", "\"short\"", true) + ","
      + field("i8", "\"byte\"", true) + "," + field("f64", "\"double\"", true) + "," + field("f32", "\"float\"", true) + ","
      + field("flag", "\"boolean\"", true) + "," + field("nom_é", "\"string\"", true) + "," + field("bin", "\"binary\"", true) + ","
      + field("day", "\"date\"", true) + "," + field("ts", "\"timestamp\"", true) + "," + field("amount", "\"decimal(18,6)\"", true) + ","
      + field("tags", "{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true}", true) + ","
      + field("point", "{\"type\":\"struct\",\"fields\":[" + field("x", "\"double\"", false) + "," + field("y", "\"double\"", true)
      + "]}", true) + "]}";

  static final String THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
  static final String CHUNK_ROWS = "spark.sql.session.localRelationChunkSizeRows";
  static final String CHUNK_BYTES = "spark.sql.session.localRelationChunkSizeBytes";
  static final String BATCH_BYTES = "spark.sql.session.localRelationBatchOfChunksSizeBytes";
  static final String SIZE_LIMIT = "spark.sql.session.localRelationSizeLimit";

  private static String field(String name, String type, boolean nullable) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + ",\"nullable\":" + nullable + ",\"metadata\":{}}";
  }

  /** small.arrow (5 rows) in chunks of 2 rows, with a threshold of 1 KiB so that it has to go chunked. */
  static Scenario small() {
    return new Scenario(table("small.arrow"), utf8(ALL_TYPES_JSON), chunks("small.arrow", 2),
        script(Map.of(THRESHOLD, "1024", CHUNK_ROWS, "2")));
  }

  /** empty.arrow: the all-types schema and no rows. */
  static Scenario empty() {
    return new Scenario(table("empty.arrow"), utf8(ALL_TYPES_JSON), List.of(), script(Map.of()));
  }

  Scenario withSchema(ByteString schema) {
    return new Scenario(input, schema, chunks, script);
  }

  Scenario withChunks(List<ByteString> chunks) {
    return new Scenario(input, schema, chunks, script);
  }

  /** The server's settings changed (or added) by {@code conf}. */
  Scenario withConf(Map<String, String> conf) {
    Map<String, String> all = new LinkedHashMap<>(script.conf());
    all.putAll(conf);
    return new Scenario(input, schema, chunks, script(all));
  }

  /** Every distinct blob, schema first, named by its content. */
  List<ArtifactBlob> blobs() {
    Map<String, ArtifactBlob> distinct = new LinkedHashMap<>();
    if (schema != null) {
      distinct.put(name(schema), ClientSim.cacheBlob(schema));
    }
    chunks.forEach(c -> distinct.putIfAbsent(name(c), ClientSim.cacheBlob(c)));
    return List.copyOf(distinct.values());
  }

  List<String> names() {
    return blobs().stream().map(ArtifactBlob::name).toList();
  }

  /** The chunked relation over the chunks in order, with the schema blob when there is one. */
  Relation relation() {
    ChunkedCachedLocalRelation.Builder r = ChunkedCachedLocalRelation.newBuilder();
    chunks.forEach(c -> r.addDataHashes(key(c)));
    if (schema != null) {
      r.setSchemaHash(key(schema));
    }
    return Relation.newBuilder().setChunkedCachedLocalRelation(r).build();
  }

  /** What a conforming client does: read the settings, check which blobs the server has, upload the rest, execute. */
  ClientSim wellBehaved() {
    return new ClientSim()
        .readSettings(ConfigurationChecks.CHUNKING_KEYS)
        .status(names(), Set.of())
        .upload(blobs())
        .execute(relation());
  }

  /** The run of {@code sim} where the driver returned the input's rows. */
  ClientRun run(ClientSim sim) {
    return sim.run(input, script, Optional.of(input), Optional.empty());
  }

  ClientRun run(ClientSim sim, CanonicalTable collected) {
    return sim.run(input, script, Optional.of(collected), Optional.empty());
  }

  /** The run of {@code sim} where the driver raised {@code error}. */
  ClientRun failed(ClientSim sim, DriverOutcome.ClientError error) {
    return sim.run(input, script, Optional.empty(), Optional.of(error));
  }

  /**
   * What the upload-form checks say of this scenario's first chunk sent inline (with the
   * all-types schema string when {@code withSchema}) in call #1, above its threshold of 1 KiB.
   */
  String inlineAboveThreshold(boolean withSchema) {
    long size = chunks.get(0).size() + (withSchema ? ALL_TYPES_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 0);
    return "ExecutePlan call #1 carries the " + input.rowCount() + "-row data as an inline local_relation of " + size
        + " bytes (schema and data), above localRelationCacheThreshold = " + script.conf().get(THRESHOLD)
        + ", not as a chunked_cached_local_relation";
  }

  static String key(ByteString blob) {
    return ChunkedUpload.sha256Hex(blob);
  }

  static String name(ByteString blob) {
    return "cache/" + key(blob);
  }

  /** The key as the checks abbreviate it in their messages. */
  static String shortKey(ByteString blob) {
    return key(blob).substring(0, 12) + "…";
  }

  static ByteString utf8(String text) {
    return ByteString.copyFrom(text, StandardCharsets.UTF_8);
  }

  static ServerScript script(Map<String, String> conf) {
    return new ServerScript(dev.cclr.server.errors.ErrorStyle.SPARK_4_2, conf, false, false, false, false);
  }

  static CanonicalTable table(String input) {
    return ArrowIpc.readFile(inputs().resolve(input));
  }

  /** The input cut into complete IPC streams of at most {@code rows} rows, as the reference client cuts it. */
  static List<ByteString> chunks(String input, int rows) {
    List<ByteString> out = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        SeekableByteChannel channel = Files.newByteChannel(inputs().resolve(input));
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        for (int start = 0; start < root.getRowCount(); start += rows) {
          try (VectorSchemaRoot slice = root.slice(start, Math.min(rows, root.getRowCount() - start))) {
            out.add(ByteString.copyFrom(ArrowIpc.write(slice)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Path inputs() {
    return CaseCatalog.defaultFixturesRoot().resolve("client/inputs");
  }

  // ---- verdicts ----

  static void assertHolds(Judgement j) {
    assertEquals(Judgement.holds(), j);
  }

  static void assertBroken(Judgement j, String... problems) {
    assertEquals(new Judgement(Judgement.Kind.BROKEN, List.of(problems), ""), j);
  }

  /** The situation the check judges never arose, and the judgement says what never happened. */
  static void assertNothingToJudge(Judgement j, String what) {
    assertEquals(new Judgement(Judgement.Kind.NEVER_AROSE, List.of(), "never arose: " + what), j);
  }

  static void assertNotApplicable(Judgement j, String why) {
    assertEquals(new Judgement(Judgement.Kind.NOT_APPLICABLE, List.of(), why), j);
  }
}
