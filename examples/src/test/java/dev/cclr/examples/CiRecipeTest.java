package dev.cclr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.server.ReferenceServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipes in {@code ci/} run the TCK through {@code ci/run-tck.sh} and nothing else; this
 * test runs that script the way they do (in a folder holding tck.jar, against a server started
 * beforehand, here the reference server on a free 127.0.0.1 port), first to make a baseline, then
 * gated on it, so that the recipes' command cannot rot.
 */
class CiRecipeTest {
  private static final Path CI = Path.of("ci").toAbsolutePath();
  private static final String CASES = "artifact-crc-failure,artifact-status-mixed-names,artifact-chunk-without-begin";
  private static ReferenceServer server;

  @TempDir
  Path work;

  @BeforeAll
  static void startTheImplementersServer() throws Exception {
    server = ReferenceServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stopIt() {
    server.close();
  }

  private record Run(int exit, String output) {}

  private Run runTck(Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", CI.resolve("run-tck.sh").toString()).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().put("TCK_TARGET", "sc://127.0.0.1:" + server.port());
    pb.environment().putAll(env);
    Path log = Files.createTempFile(work, "run-tck", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError("run-tck.sh did not finish in 300 s:\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void theRecipesScriptGatesOnTheBaselineAndWritesTheJUnitXml() throws Exception {
    Path jar = Path.of(System.getProperty("cclr.tckJar", "../tck/target/tck.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " is missing: it is built by the tck module's package phase");
    Files.copy(jar, work.resolve("tck.jar"));

    Run first = runTck(Map.of("TCK_OPTIONS", "--case " + CASES));
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().contains("no baseline tck-baseline.json"), first.output());
    Files.copy(work.resolve("reports/tck-summary.json"), work.resolve("tck-baseline.json"));
    Files.delete(work.resolve("reports/TEST-cclr-server.xml"));

    Run gated = runTck(Map.of("TCK_OPTIONS", "--case " + CASES));
    assertEquals(0, gated.exit(), gated.output());
    assertTrue(gated.output().contains("gate (MUST, regressions only): PASSED (exit 0)"), gated.output());
    String xml = Files.readString(work.resolve("reports/TEST-cclr-server.xml"));
    assertTrue(xml.contains("<testcase classname=\"cclr.server.MUST\" name=\"artifact-crc-failure\""), xml);
    JsonNode summary = new ObjectMapper().readTree(work.resolve("reports/tck-summary.json").toFile());
    assertTrue(summary.has("baseline"), "the second run was gated on the baseline: " + summary);
  }

  @Test
  void withoutTheJarTheScriptSaysSoAndCannotJudge() throws Exception {
    Run run = runTck(Map.of());
    assertEquals(2, run.exit(), run.output());
    assertTrue(run.output().contains("run-tck.sh: tck.jar not found"), run.output());
  }

  @Test
  void bothRecipesRunTheTckOnlyThroughTheScript() throws Exception {
    for (String recipe : List.of("github-actions.yml", "gitlab-ci.yml")) {
      String text = Files.readString(CI.resolve(recipe));
      assertTrue(text.contains("sh ci/run-tck.sh"), recipe + " does not call run-tck.sh");
      assertTrue(text.contains("reports/TEST-cclr-server.xml"), recipe + " does not publish the JUnit XML the script writes");
      assertTrue(text.lines().noneMatch(l -> !l.strip().startsWith("#") && l.contains("java -jar")),
          recipe + " runs the TCK with a command of its own instead of run-tck.sh");
    }
  }
}
