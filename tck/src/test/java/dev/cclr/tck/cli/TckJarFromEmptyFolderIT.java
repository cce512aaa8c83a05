package dev.cclr.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.spec.Requirement;
import dev.cclr.tck.spec.RequirementCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a third party does with the kit: copy {@code tck.jar} into an empty folder and run it
 * there. Each command runs as {@code java -jar tck.jar ...} in a child JVM whose working directory
 * holds nothing but the jar, so nothing can come from the source tree: fixtures, driver inputs and
 * the spec's requirements must all come from the jar. Runs after {@code package} (the jar is built
 * there), in the {@code jar-from-empty-folder} execution of tck/pom.xml.
 */
class TckJarFromEmptyFolderIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The MUST case the edited baseline says failed. */
  private static final String BASELINE_FAILURE = "artifact-chunk-without-begin";
  /** A MUST case that passes on the reference server and fails when it answers in Spark 4.1's error style. */
  private static final String REGRESSION = "chunked-empty-data-hashes";

  @TempDir
  Path base;

  /** The empty folder the jar runs in. */
  private Path folder;

  /** The child JVM's java.io.tmpdir, to see that what the jar extracts is removed at exit. */
  private Path tmp;

  @BeforeEach
  void copyTheJarIntoAnEmptyFolder() throws IOException {
    Path jar = Path.of(System.getProperty("cclr.tckJar", "target/tck.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is missing: this test runs after `package`, which builds it");
    folder = Files.createDirectory(base.resolve("empty"));
    tmp = Files.createDirectory(base.resolve("tmp"));
    Files.copy(jar, folder.resolve("tck.jar"));
  }

  @Test
  void clientSuiteWithTheReferenceClientPassesEveryMustCaseAndFeedsTheConformancePage() throws Exception {
    Run client = tck(300, "client", "--driver", "reference", "--report-dir", "reports/client");
    assertEquals(0, client.exit, client.output);
    JsonNode summary = JSON.readTree(folder.resolve("reports/client/tck-summary.json").toFile());
    // The reference client passes every MUST case that applies to it; the cases that hand a client
    // its rows in a form the reference driver does not have (pandas, rows) are NOT_APPLICABLE from
    // the source tree too (spec/results/client-reference), and must be exactly those.
    JsonNode committed = JSON.readTree(RequirementCatalog.defaultSpecDir().resolve("results/client-reference/tck-summary.json").toFile());
    java.util.Set<String> notApplicableInTree = new java.util.HashSet<>();
    committed.path("cases").forEach(c -> {
      if (c.path("verdict").asText().equals("NOT_APPLICABLE")) {
        notApplicableInTree.add(c.path("id").asText());
      }
    });
    List<String> mustNotPassed = new ArrayList<>();
    int must = 0;
    for (JsonNode c : summary.path("cases")) {
      if (c.path("level").asText().equals("MUST")) {
        must++;
        String verdict = c.path("verdict").asText();
        boolean asInTree = verdict.equals("NOT_APPLICABLE") && notApplicableInTree.contains(c.path("id").asText());
        if (!verdict.equals("PASS") && !asInTree) {
          mustNotPassed.add(c.path("id").asText() + " " + verdict + ": " + c.path("message").asText());
        }
      }
    }
    assertTrue(must > 0, "no MUST case in the summary:\n" + summary);
    assertEquals(List.of(), mustNotPassed, "MUST cases that did not pass from an empty folder");

    Run page = tck(120, "conformance-page", "--out", "conformance.md", "reports/client/tck-summary.json");
    assertEquals(0, page.exit, page.output);
    String markdown = Files.readString(folder.resolve("conformance.md"), StandardCharsets.UTF_8);
    // A row per client requirement of the jar's requirements.yaml (the same as the source tree's).
    List<String> missing = RequirementCatalog.load(RequirementCatalog.defaultSpecDir().resolve("requirements.yaml")).all()
        .stream().map(Requirement::id).filter(id -> id.startsWith("CLI-") && !markdown.contains("[" + id + "]")).toList();
    assertEquals(List.of(), missing, "client requirements missing from the page:\n" + markdown);
    assertTrue(markdown.contains("| MUST | Send the unsigned CRC-32 of every piece | PASS |"), markdown);
  }

  /**
   * Issue 17's walk-through, every step through the command line as a user takes it: (i) the full
   * server suite against the embedded server passes; (ii) a baseline made from that summary, edited
   * so that one MUST case failed in it (as for a server that failed it), holds and names that case as
   * newly passing; (iii) the same baseline against a server with a new failure fails the run and
   * names the regression. The faulty server is the reference server from the same jar, started by
   * the {@code launch:} target with {@code --error-style spark-4.1}: it answers with Spark 4.1's
   * error classes while the run judges with the default spark-4.2 profile, as a server whose error
   * answers changed would.
   */
  @Test
  void theFullRunPassesAndABaselineGatesOnRegressionsOnly() throws Exception {
    // (i) Every case once (the large ones are skipped by default): the gate holds.
    Run full = tck(600, "run", "--target", "embedded", "--report-dir", "full");
    assertEquals(0, full.exit, full.output);
    JsonNode summary = JSON.readTree(folder.resolve("full/tck-summary.json").toFile());
    List<String> mustNotPassed = new ArrayList<>();
    int must = 0;
    for (JsonNode c : summary.path("cases")) {
      String verdict = c.path("verdict").asText();
      if (c.path("level").asText().equals("MUST")) {
        must++;
        // NOT_APPLICABLE: cases of another profile; SKIPPED: the large cases, left out by default.
        boolean notForThisRun = verdict.equals("NOT_APPLICABLE")
            || verdict.equals("SKIPPED") && c.path("tags").toString().contains("\"large\"");
        if (!verdict.equals("PASS") && !notForThisRun) {
          mustNotPassed.add(c.path("id").asText() + " " + verdict + ": " + c.path("message").asText());
        }
      }
    }
    assertTrue(must >= 100, "only " + must + " MUST cases in the summary:\n" + full.output);
    assertEquals(List.of(), mustNotPassed, "MUST cases that did not pass from an empty folder");

    // (ii) The baseline of a user whose server failed BASELINE_FAILURE: that case passes now.
    ObjectNode baseline = (ObjectNode) summary;
    boolean edited = false;
    for (JsonNode c : baseline.get("cases")) {
      if (c.path("id").asText().equals(BASELINE_FAILURE)) {
        assertEquals("MUST", c.path("level").asText(), BASELINE_FAILURE + " must be a MUST case");
        ((ObjectNode) c).put("verdict", "FAIL").put("message", "the server answered OK");
        edited = true;
      }
    }
    assertTrue(edited, BASELINE_FAILURE + " is not in the summary");
    JSON.writeValue(folder.resolve("tck-baseline.json").toFile(), baseline);
    String cases = BASELINE_FAILURE + "," + REGRESSION;

    Run held = tck(300, "run", "--target", "embedded", "--case", cases, "--baseline", "tck-baseline.json", "--report-dir", "held");
    assertEquals(0, held.exit, held.output);
    assertTrue(held.output.contains("NEWLY PASSING: " + BASELINE_FAILURE + " "), held.output);
    assertTrue(!held.output.contains("REGRESSION:"), held.output);

    // (iii) The same baseline against a server that now fails REGRESSION, which passed in it.
    String faultyServer = "launch:" + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
        + folder.resolve("tck.jar") + " dev.cclr.server.Main --port {port} --error-style spark-4.1";
    Run regressed = tck(300, "run", "--target", faultyServer, "--case", cases, "--baseline", "tck-baseline.json",
        "--report-dir", "regressed");
    assertEquals(1, regressed.exit, regressed.output);
    assertTrue(regressed.output.contains("REGRESSION: " + REGRESSION + " "), regressed.output);
    assertTrue(!regressed.output.contains("REGRESSION: " + BASELINE_FAILURE + " "), regressed.output);
    assertTrue(regressed.output.contains("NEWLY PASSING: " + BASELINE_FAILURE + " "), regressed.output);
  }

  @Test
  void anExpectedFailuresFileNamingNoCaseIsRefused() throws Exception {
    Files.writeString(folder.resolve("xfail.txt"), "# known\nNot/A/Case reason\n");
    Run bad = tck(120, "run", "--target", "embedded", "--expected-failures", "xfail.txt", "--report-dir", "bad");
    assertEquals(2, bad.exit, bad.output);
    assertTrue(bad.output.contains("xfail.txt line 2: 'Not/A/Case' is not a case id"), bad.output);
  }

  @Test
  void benchAgainstTheEmbeddedServerAtTheSmallestSize() throws Exception {
    Run bench = tck(300, "bench", "--target", "embedded", "--size", "1MiB", "--rounds", "1", "--warmup", "0");
    assertEquals(0, bench.exit, bench.output);
    assertTrue(bench.output.lines().anyMatch(l -> l.startsWith("T_MBps=") && l.contains("verified=true")), bench.output);
  }

  private record Run(int exit, String output) {}

  /** {@code java -jar tck.jar ARGS} in the empty folder; asserts nothing extracted is left behind. */
  private Run tck(long timeoutSeconds, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-jar", "tck.jar"));
    command.addAll(List.of(args));
    Path log = base.resolve("output-" + args[0] + ".log");
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(exited, "`tck " + String.join(" ", args) + "` did not finish in " + timeoutSeconds + " s:\n" + output);
    try (Stream<Path> left = Files.list(tmp)) {
      List<String> kit = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cclr-kit-")).toList();
      assertEquals(List.of(), kit, "files extracted from the jar were left in " + tmp);
    }
    return new Run(process.exitValue(), output);
  }
}
