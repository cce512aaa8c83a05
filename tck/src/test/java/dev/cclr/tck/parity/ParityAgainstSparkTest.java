package dev.cclr.tck.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.server.ReferenceServer;
import dev.cclr.tck.clienttck.drivers.PySparkDriver;
import dev.cclr.tck.drivers.DriverJar;
import dev.cclr.tck.drivers.SparkJvmDriverProcess;
import dev.cclr.tck.fixtures.KitFiles;
import dev.cclr.tck.spark.MavenJars;
import dev.cclr.tck.spark.SparkServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The parity suite: real clients (pyspark-client 4.2.0 and the Spark JVM client 4.2.0) run the
 * scenarios of {@code fixtures/parity/} once against real Spark 4.2.0 and once against the
 * reference server, and every scenario must give the same canonical answer (rows, schema with
 * nullability, or error class, SQLSTATE and message parameters).
 *
 * <p>The only allowed differences are the reference protections listed in {@link #PROTECTIONS},
 * each with its reason, and they are checked both ways: a listed scenario that no longer differs
 * fails the test too, so the list cannot go stale. Spark and the reference server are started
 * once for the class; each client runs all its scenarios in one session per server.
 */
@Tag("real-spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParityAgainstSparkTest {

  static final String SPARK_VERSION = "4.2.0";
  static final String JVM_CLIENT_VERSION = "4.2.0";

  /**
   * Scenario name to the reason the reference server answers it differently from Spark on
   * purpose (spec §12.9 protections). Empty today: every scenario gives Spark's answer.
   */
  static final Map<String, String> PROTECTIONS = Map.of();

  private final ObjectMapper json = new ObjectMapper();
  private Path workDir;
  private SparkServerProcess spark;
  private ReferenceServer reference;

  @BeforeAll
  void startServers() throws Exception {
    workDir = Path.of("target", "parity").toAbsolutePath();
    Files.createDirectories(workDir);
    reference = ReferenceServer.builder().host("127.0.0.1").port(0).build().start();
    spark = SparkServerProcess.builder(SPARK_VERSION).logFile(workDir.resolve("spark-" + SPARK_VERSION + ".log")).start();
  }

  @AfterAll
  void stopServers() {
    if (reference != null) {
      reference.close();
    }
    if (spark != null) {
      spark.close();
    }
  }

  @Test
  void pysparkScenariosAnswerLikeSpark() throws Exception {
    Path scenarios = parityFixtures().resolve("pyspark-scenarios.json");
    Map<String, JsonNode> onSpark = pyspark(scenarios, spark.port(), "pyspark-spark");
    Map<String, JsonNode> onReference = pyspark(scenarios, reference.port(), "pyspark-reference");
    assertOnlyProtectionsDiffer("PySpark 4.2.0", scenarios, onSpark, onReference);
  }

  @Test
  void jvmClientScenariosAnswerLikeSpark() throws Exception {
    Path scenarios = parityFixtures().resolve("jvm-scenarios.json");
    List<Path> client;
    try (MavenJars jars = MavenJars.fromMavenCentral()) {
      client = jars.resolveRuntimeClasspath(List.of("org.apache.spark:spark-connect-client-jvm_2.13:" + JVM_CLIENT_VERSION));
    }
    Map<String, JsonNode> onSpark = jvm(scenarios, client, spark.port(), "jvm-spark");
    Map<String, JsonNode> onReference = jvm(scenarios, client, reference.port(), "jvm-reference");
    assertOnlyProtectionsDiffer("Spark JVM client " + JVM_CLIENT_VERSION, scenarios, onSpark, onReference);
  }

  private void assertOnlyProtectionsDiffer(String client, Path scenarioFile, Map<String, JsonNode> spark,
      Map<String, JsonNode> reference) throws IOException {
    List<String> names = new ArrayList<>();
    json.readTree(scenarioFile.toFile()).path("scenarios").forEach(s -> names.add(s.path("name").asText()));
    ParityComparison comparison = new ParityComparison(names, PROTECTIONS);
    System.out.println("[parity] " + client + ": " + names.size() + " scenarios (" + scenarioFile.getFileName() + "), "
        + comparison.differences(spark, reference).size() + " differ; listed reference protections: "
        + comparison.listedProtections());
    List<String> problems = comparison.problems(spark, reference);
    if (!problems.isEmpty()) {
      fail(client + ": the reference server does not answer like Spark " + SPARK_VERSION + " ("
          + problems.size() + " scenarios):\n  " + String.join("\n  ", problems));
    }
  }

  private Map<String, JsonNode> pyspark(Path scenarios, int port, String label) throws Exception {
    PySparkDriver driver = new PySparkDriver();
    driver.prepare();
    Path python = PySparkDriver.venvDir().resolve("bin").resolve("python");
    Path runner = KitFiles.directory(KitFiles.Tree.DRIVERS).resolve("pyspark").resolve("cclr_parity_runner.py");
    Path out = workDir.resolve(label + ".jsonl");
    Path err = workDir.resolve(label + ".stderr.txt");
    Process p = new ProcessBuilder(python.toString(), runner.toString(), "--remote", "sc://127.0.0.1:" + port,
        "--scenarios", scenarios.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("the parity runner did not finish within 10 minutes against port " + port + "; see " + err);
    }
    assertEquals(0, p.exitValue(), () -> "the parity runner failed against port " + port + ":\n" + read(err));
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode node = json.readTree(line);
      assertTrue(byName.put(node.path("name").asText(), node.path("outcome")) == null, "two lines for " + node.path("name"));
    }
    return byName;
  }

  private Map<String, JsonNode> jvm(Path scenarios, List<Path> client, int port, String label) throws Exception {
    Path result = SparkJvmDriverProcess.builder()
        .client(JVM_CLIENT_VERSION, client)
        .driverJar(DriverJar.sparkJvmDriver())
        .mainClass(SparkJvmDriverProcess.PARITY_MAIN)
        .sparkRemote("sc://127.0.0.1:" + port)
        .args(List.of("--scenarios", scenarios.toString()))
        .workDir(workDir.resolve(label))
        .timeout(Duration.ofMinutes(10))
        .build()
        .runForResultFile();
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode node : json.readTree(result.toFile()).path("results")) {
      assertTrue(byName.put(node.path("name").asText(), node.path("outcome")) == null, "two results for " + node.path("name"));
    }
    return byName;
  }

  private static Path parityFixtures() {
    return KitFiles.directory(KitFiles.Tree.FIXTURES).resolve("parity");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
