package dev.cclr.tck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import dev.cclr.tck.spark.MavenJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Spark Connect JVM client (4.2.0 and 4.1.3, each in its own JVM) creates DataFrames
 * against a target server, collects them and compares them with what it sent.
 *
 * <p>Subclasses choose the target: {@link SparkJvmClientAgainstReferenceServerTest} runs the
 * reference server in this JVM (and checks, on the server side, the plan the client really sent);
 * {@link SparkJvmClientAgainstSparkTest} runs a real Spark 4.2.0 (the oracle), or the server named
 * by {@code -Dcclr.e2e.remote=sc://host:port}.
 *
 * <p>Skip with {@code -DexcludedGroups=real-spark}. A 4.2.0 client cannot talk to a 4.1.x server
 * (known incompatibility): for such a remote, pass {@code -Dcclr.e2e.clientVersions=4.1.3}.
 */
@Tag("real-spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SparkJvmClientEndToEndTest {

  /** The server the real client talks to. */
  abstract E2eTargets.Factory target();

  static final String CLIENT_VERSIONS_PROPERTY = "cclr.e2e.clientVersions";

  // 40 chunks of 1 000 rows of ~1 KB; rows 10 000..17 999 are one repeated row, so chunks 10..17
  // are byte-identical: 40 chunk references, 33 distinct chunks.
  static final int ROWS = 40_000;
  static final int PAYLOAD_BYTES = 1_000;
  static final int CHUNK_ROWS = 1_000;
  static final int RUN_START = 10_000;
  static final int RUN_LENGTH = 8_000;
  static final int EXPECTED_CHUNKS = ROWS / CHUNK_ROWS;
  static final int EXPECTED_DISTINCT_CHUNKS = EXPECTED_CHUNKS - (RUN_LENGTH / CHUNK_ROWS - 1);

  private static final Map<String, List<Path>> CLIENT_CLASSPATHS = new ConcurrentHashMap<>();

  private final MavenJars jars = MavenJars.fromMavenCentral();
  private Path workDir;
  private E2eTarget target;
  private final List<String> timings = new ArrayList<>();

  static Stream<String> clientVersions() {
    return Stream.of(System.getProperty(CLIENT_VERSIONS_PROPERTY, "4.2.0,4.1.3").split(","))
        .map(String::trim).filter(v -> !v.isEmpty());
  }

  @BeforeAll
  void startTarget() throws Exception {
    workDir = Path.of("target", "e2e", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
        .toAbsolutePath();
    Files.createDirectories(workDir);
    long start = System.nanoTime();
    target = target().create(workDir);
    timings.add("target\t" + target.description() + "\tstarted in " + millisSince(start) + " ms");
  }

  @AfterAll
  void stopTarget() throws Exception {
    jars.close();
    if (target != null) {
      target.close();
    }
    String text = String.join("\n", timings) + "\n";
    System.out.print(text);
    Files.writeString(workDir.resolve("timings.tsv"), text, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @ParameterizedTest(name = "client {0}")
  @MethodSource("clientVersions")
  void largeDataFrameRoundTripsThroughManyChunksWithRepeatedOnes(String clientVersion) throws Exception {
    DriverResult r = run(clientVersion, "roundtrip", List.of("roundtrip",
        "--rows", String.valueOf(ROWS), "--payload-bytes", String.valueOf(PAYLOAD_BYTES),
        "--seed", "20251121", "--null-fraction", "0.1",
        "--identical-run-start", String.valueOf(RUN_START), "--identical-run-length", String.valueOf(RUN_LENGTH),
        "--conf", "spark.sql.session.localRelationChunkSizeRows=" + CHUNK_ROWS));

    assertRanCleanly(r, clientVersion);
    assertEquals(ROWS, r.rowsIn().orElseThrow(), r::toString);
    assertEquals(ROWS, r.rowsOut().orElseThrow(), r::toString);
    assertTrue(r.equal(), () -> "collected rows differ: " + r.firstDifference());
    assertEquals(ROWS, r.count().orElseThrow(), r::toString);
    assertTrue(r.schemaEqual(), () -> "schema in " + r.schemaIn() + " out " + r.schemaOut());

    // What the client sent: a chunked relation, uploaded beforehand, with repeated chunks.
    WireSummary wire = r.wire().orElseThrow();
    LocalDataRelation sent = wire.executedRelations().get(0);
    assertTrue(sent.isChunked(), () -> "expected a chunked relation, the client sent " + sent);
    assertEquals(EXPECTED_CHUNKS, sent.dataHashes().size(), "chunk references");
    assertEquals(EXPECTED_DISTINCT_CHUNKS, sent.distinctDataHashes(), "distinct chunks");
    assertNotNull(sent.schemaHash(), "the JVM client always sends a schema blob");
    for (LocalDataRelation later : wire.executedRelations()) {
      assertEquals(sent, later, "count() must reuse the same uploaded chunks");
    }
    Set<String> referenced = new LinkedHashSet<>();
    referenced.add("cache/" + sent.schemaHash());
    sent.dataHashes().forEach(h -> referenced.add("cache/" + h));
    referenced.forEach(n -> assertTrue(n.matches("cache/[0-9a-f]{64}"), () -> "not a sha-256 cache name: " + n));
    List<String> uploaded = wire.uploadedArtifactNames();
    assertEquals(referenced, new LinkedHashSet<>(uploaded), "a fresh session uploads exactly what it references");
    assertEquals(uploaded.size(), new HashSet<>(uploaded).size(), "each distinct chunk is uploaded once");
    assertEquals(List.copyOf(referenced), wire.statusQueriedNames(), "ArtifactStatus asks for schema then unique chunks");
    assertTrue(wire.indexOfFirst("ArtifactStatus") < wire.indexOfFirst("AddArtifacts")
        && wire.indexOfFirst("AddArtifacts") < wire.indexOfFirst("ExecutePlan"), "status, upload, then execute");
    assertEquals(List.of(), wire.incompleteUploads());
    assertEquals(0, wire.crcMismatches());

    // What the server received, when the server runs in this JVM.
    target.recorder().ifPresent(rec -> {
      assertEquals(0, rec.compressedPlans(), "compressed plans hide their relations");
      List<LocalDataRelation> received = rec.relations();
      assertTrue(!received.isEmpty() && received.stream().allMatch(x -> x.equals(sent)),
          () -> "server received " + received + " but the client sent " + sent);
      assertTrue(received.get(0).hasRepeatedHash());
      timings.add("server-side record\tclient " + clientVersion + "\t" + received.size()
          + " chunked relations received, " + received.get(0).dataHashes().size() + " chunk references, "
          + received.get(0).distinctDataHashes() + " distinct");
    });
  }

  @ParameterizedTest(name = "client {0}")
  @MethodSource("clientVersions")
  void smallDataFrameTravelsInline(String clientVersion) throws Exception {
    DriverResult r = run(clientVersion, "inline-small", List.of("inline-small"));

    assertRanCleanly(r, clientVersion);
    assertTrue(r.rowsIn().orElseThrow() > 0, r::toString);
    assertEquals(r.rowsIn(), r.rowsOut(), r::toString);
    assertTrue(r.equal(), () -> "collected rows differ: " + r.firstDifference());
    assertEquals(r.rowsIn(), r.count(), r::toString);
    assertTrue(r.schemaEqual(), () -> "schema in " + r.schemaIn() + " out " + r.schemaOut());

    WireSummary wire = r.wire().orElseThrow();
    List<LocalDataRelation> sent = wire.executedRelations();
    assertTrue(!sent.isEmpty() && sent.stream().allMatch(x -> x.isInline() && x.dataBytes() != null),
        () -> "expected inline data under the threshold, the client sent " + sent);
    assertEquals(List.of(), wire.calls("ArtifactStatus"), "nothing to cache under the threshold");
    assertEquals(List.of(), wire.calls("AddArtifacts"), "nothing to upload under the threshold");
    target.recorder().ifPresent(rec -> assertEquals(sent, rec.relations()));
  }

  /**
   * The client inlines one chunk when schema JSON + chunk bytes <= localRelationCacheThreshold,
   * and caches it as a one-chunk chunked relation one byte below that. The boundary is measured
   * from what the client sent at the default threshold, so no byte count is hard-wired.
   */
  @ParameterizedTest(name = "client {0}")
  @MethodSource("clientVersions")
  void thresholdCountsSchemaPlusChunkAndIsInclusive(String clientVersion) throws Exception {
    LocalDataRelation inline = onlyRelation(run(clientVersion, "threshold-default", List.of("inline-small")));
    assertTrue(inline.isInline() && inline.dataBytes() != null && inline.schema() != null, inline::toString);
    long size = inline.schema().getBytes(StandardCharsets.UTF_8).length + inline.dataBytes();
    String threshold = "spark.sql.session.localRelationCacheThreshold=";

    LocalDataRelation atLimit = onlyRelation(run(clientVersion, "threshold-at",
        List.of("inline-small", "--conf", threshold + size)));
    assertEquals(inline, atLimit, "total size == threshold must stay inline");

    DriverResult below = run(clientVersion, "threshold-below", List.of("inline-small", "--conf", threshold + (size - 1)));
    assertTrue(below.equal(), below::toString);
    LocalDataRelation cached = onlyRelation(below);
    assertTrue(cached.isChunked() && cached.dataHashes().size() == 1 && cached.schemaHash() != null,
        () -> "one byte under, expected a one-chunk chunked relation, got " + cached);
    WireSummary wire = below.wire().orElseThrow();
    assertEquals(List.of("cache/" + cached.schemaHash(), "cache/" + cached.dataHashes().get(0)),
        wire.uploadedArtifactNames());
    timings.add("threshold\tclient " + clientVersion + "\tinline iff schema+chunk (" + size + " bytes) <= threshold");
  }

  private static LocalDataRelation onlyRelation(DriverResult r) {
    assertTrue(r.exception().isEmpty(), () -> "the client failed: " + r.exception().orElseThrow());
    List<LocalDataRelation> sent = r.wire().orElseThrow().executedRelations();
    assertTrue(!sent.isEmpty() && sent.stream().allMatch(sent.get(0)::equals),
        () -> "expected the same relation in every plan, got " + sent);
    return sent.get(0);
  }

  @ParameterizedTest(name = "client {0}")
  @MethodSource("clientVersions")
  void emptyDataFrameKeepsItsSchema(String clientVersion) throws Exception {
    DriverResult r = run(clientVersion, "empty", List.of("empty"));

    assertRanCleanly(r, clientVersion);
    assertEquals(0, r.rowsIn().orElseThrow(), r::toString);
    assertEquals(0, r.rowsOut().orElseThrow(), r::toString);
    assertTrue(r.equal(), r::toString);
    assertEquals(0, r.count().orElseThrow(), r::toString);
    assertTrue(r.schemaEqual(), () -> "schema in " + r.schemaIn() + " out " + r.schemaOut());

    WireSummary wire = r.wire().orElseThrow();
    List<LocalDataRelation> sent = wire.executedRelations();
    assertTrue(!sent.isEmpty() && sent.stream().allMatch(x -> x.isInline() && x.dataBytes() == null && x.schema() != null),
        () -> "expected a schema-only local relation, the client sent " + sent);
    assertEquals(List.of(), wire.calls("AddArtifacts"));
    target.recorder().ifPresent(rec -> assertEquals(sent, rec.relations()));
  }

  private DriverResult run(String clientVersion, String label, List<String> args) throws Exception {
    target.recorder().ifPresent(ExecutePlanRecorder::clear);
    List<Path> classpath = CLIENT_CLASSPATHS.computeIfAbsent(clientVersion,
        v -> jars.resolveRuntimeClasspath(List.of("org.apache.spark:spark-connect-client-jvm_2.13:" + v)));
    DriverRun run = SparkJvmDriverProcess.builder()
        .client(clientVersion, classpath)
        .driverJar(DriverJar.sparkJvmDriver())
        .sparkRemote(target.sparkRemote())
        .args(args)
        .workDir(workDir.resolve(label + "-" + clientVersion))
        .timeout(Duration.ofMinutes(5))
        .build()
        .run();
    DriverResult r = run.result();
    timings.add(String.join("\t", label, "client " + clientVersion, "server " + r.serverVersion(),
        "wall " + run.wallTime().toMillis() + " ms", "driver " + r.elapsedMs() + " ms", r.timingsMs().toString(),
        "equal=" + r.equal()));
    return r;
  }

  private static void assertRanCleanly(DriverResult r, String clientVersion) {
    assertTrue(r.exception().isEmpty(), () -> "the client failed: " + r.exception().orElseThrow());
    assertEquals(clientVersion, r.clientVersion(), "the driver ran a different client than asked");
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000L;
  }

}
