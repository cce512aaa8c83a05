package dev.cclr.tck.run;

import dev.cclr.tck.cases.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.spark.LocalServerProcesses;
import dev.cclr.tck.spark.ProcessTrees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that is not there is never judged, and a target that dies during a case is caught in that
 * case: these run the real launcher against a real child server process that exits (code 134) when
 * an ExecutePlan names the chunk of {@value #FATAL_CASE}, the way a native server panics on a
 * malformed chunk.
 */
class TargetAvailabilityTest {
  static final String FATAL_CASE = "chunked-buffer-outside-body";
  /** The sha256 of that case's only blob (fixtures/server/chunked-buffer-outside-body/case.json). */
  static final String FATAL_HASH = "bcb5989e9b235cf08198a4d2dfafc7920bc31122d5b8ae26686c5a98ca64d5e7";
  /** Sorted by id, as the run orders them: two before the fatal case, two after it. */
  static final List<String> CASES = List.of("chunked-absent-schema", "chunked-bare-type-schema", FATAL_CASE,
      "chunked-chunk-limit-exactly-met", "chunked-ddl-schema");

  record Outcome(int exit, String console, JsonNode summary, Map<String, JsonNode> cases) {}

  static Outcome run(String target, Path reports) throws Exception {
    RunConfiguration config = new RunConfiguration(Suite.SERVER, target, Optional.empty(), Profile.SPARK_4_2, CASES, List.of(),
        List.of("large"), reports, false, Optional.empty());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = TckLauncher.run(config, new TckRuns.TeePrintStream(new PrintStream(bytes, true, StandardCharsets.UTF_8), System.out));
    JsonNode summary = new ObjectMapper().readTree(reports.resolve("tck-summary.json").toFile());
    Map<String, JsonNode> cases = new LinkedHashMap<>();
    summary.path("cases").forEach(c -> {
      if (CASES.contains(c.path("id").asText())) {
        cases.put(c.path("id").asText(), c);
      } else {
        assertEquals("SKIPPED", c.path("verdict").asText(), "not selected: " + c);
      }
    });
    return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8), summary, cases);
  }

  static List<String> crashingServerCommand(String port) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        CrashingServerMain.class.getName(), port, FATAL_HASH);
  }

  @Test
  void aTargetWhereNothingListensIsNotJudgedAndExitsTwo(@TempDir Path reports) throws Exception {
    long start = System.nanoTime();
    Outcome o = run("sc://127.0.0.1:1", reports);
    assertEquals(2, o.exit(), o.console());
    assertEquals(CASES.size(), o.cases().size());
    for (JsonNode c : o.cases().values()) {
      assertEquals("ERROR", c.path("verdict").asText(), c.toString());
      assertEquals("not judged: target sc://127.0.0.1:1 did not answer: connection refused", c.path("message").asText());
    }
    assertEquals("target sc://127.0.0.1:1 did not answer: connection refused", o.summary().path("notJudged").asText());
    assertEquals(2, o.summary().path("exitCode").asInt());
    assertTrue(o.console().contains("COULD NOT JUDGE (exit 2)"), o.console());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "found out fast");
  }

  @Test
  void aManagedTargetThatDiesIsBlamedForThatCaseAndRestarted(@TempDir Path reports) throws Exception {
    String command = String.join(" ", crashingServerCommand("{port}"));
    Outcome o = run("launch:" + command, reports);

    JsonNode fatal = o.cases().get(FATAL_CASE);
    assertEquals("FAIL", fatal.path("verdict").asText(), fatal.toString());
    assertTrue(fatal.path("message").asText().startsWith("the target stopped answering during this case: the server process"),
        fatal.path("message").asText());
    assertTrue(fatal.path("message").asText().contains("exited with code 134"), fatal.path("message").asText());
    assertTrue(fatal.path("requirements").toString().contains("SRV-SEC-009"), fatal.toString());
    assertEquals("MUST", fatal.path("level").asText());
    for (String id : CASES) {
      if (!id.equals(FATAL_CASE)) {
        assertEquals("PASS", o.cases().get(id).path("verdict").asText(), "judged normally after the restart: " + o.cases().get(id));
      }
    }
    JsonNode crashes = o.summary().path("crashes");
    assertEquals(1, crashes.size(), crashes.toString());
    assertEquals(FATAL_CASE, crashes.get(0).path("case").asText());
    assertEquals("restarted; the run went on with the next case", crashes.get(0).path("aftermath").asText());
    assertTrue(o.console().contains("CRASH: the target launch:"), o.console());
    assertEquals(1, o.exit(), o.console());
  }

  @Test
  void aRunningTargetThatDiesLeavesTheRestNotJudged(@TempDir Path reports) throws Exception {
    int port = LocalServerProcesses.freePort();
    Process server = new ProcessBuilder(crashingServerCommand(Integer.toString(port)))
        .redirectErrorStream(true).redirectOutput(reports.resolve("server.log").toFile()).start();
    try {
      LocalServerProcesses.awaitReady(server, ConnectUri.local(port), Duration.ofMinutes(2), s -> s.sparkVersion());
      Outcome o = run("sc://127.0.0.1:" + port, reports.resolve("reports"));

      assertEquals("PASS", o.cases().get(CASES.get(0)).path("verdict").asText());
      assertEquals("PASS", o.cases().get(CASES.get(1)).path("verdict").asText());
      JsonNode fatal = o.cases().get(FATAL_CASE);
      assertEquals("FAIL", fatal.path("verdict").asText(), fatal.toString());
      // The probe after the case finds the port closed once the process is gone ("connection
      // refused"), or reset when it still connects while the aborting process (writing its core)
      // holds the listening socket; either way the target went down during this case.
      String why = fatal.path("message").asText();
      assertTrue(why.startsWith("the target stopped answering during this case: ")
          && (why.contains("connection refused") || why.contains("Connection reset by peer")), why);
      for (String id : CASES.subList(3, CASES.size())) {
        JsonNode c = o.cases().get(id);
        assertEquals("ERROR", c.path("verdict").asText(), c.toString());
        assertEquals("not judged: target sc://127.0.0.1:" + port + " is unavailable after the crash in case " + FATAL_CASE
            + " (the TCK did not start it, so it cannot restart it)", c.path("message").asText());
      }
      assertEquals(FATAL_CASE, o.summary().path("crashes").get(0).path("case").asText());
      assertTrue(o.summary().path("notJudged").isMissingNode(), "the target was reached: " + o.summary());
      assertEquals(1, o.exit(), o.console());
    } finally {
      ProcessTrees.destroy(server.toHandle(), Duration.ofSeconds(5));
    }
  }
}
