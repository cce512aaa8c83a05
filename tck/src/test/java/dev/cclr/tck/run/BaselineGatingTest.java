package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.report.Baseline;
import dev.cclr.tck.report.ExitCode;
import dev.cclr.tck.selftest.MutatingInterceptor;
import dev.cclr.tck.selftest.ServerMutants;
import dev.cclr.tck.targets.EmbeddedTarget;
import dev.cclr.tck.targets.TargetOpener;
import dev.cclr.tck.targets.Targets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baseline gating end to end on the reference server: a baseline in which one MUST case failed
 * holds the gate and names that case as newly passing; the same baseline against a server with a
 * new failure (a planted ArtifactStatus deviation) fails the gate naming the regression.
 */
class BaselineGatingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CASES = List.of("artifact-status-mixed-names", "artifact-chunk-without-begin", "artifact-crc-failure");
  private static final String KNOWN_FAILING = "artifact-chunk-without-begin";

  @TempDir
  Path dir;

  private record Result(ExitCode exit, String console, JsonNode summary) {}

  private Result run(String name, TargetOpener opener, Baseline baseline) throws Exception {
    Path reports = dir.resolve(name);
    RunConfiguration config = new RunConfiguration(Suite.SERVER, "embedded", Optional.empty(), Profile.SPARK_4_2, CASES, List.of(),
        List.of("large"), reports, false, Optional.empty(), baseline);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunOutcome outcome = TckLauncher.execute(config, new PrintStream(bytes, true, StandardCharsets.UTF_8), opener);
    return new Result(outcome.exit(), bytes.toString(StandardCharsets.UTF_8), JSON.readTree(reports.resolve("tck-summary.json").toFile()));
  }

  @Test
  void onlyRegressionsFailTheGate() throws Exception {
    Result clean = run("clean", Targets::open, Baseline.NONE);
    assertEquals(ExitCode.HELD, clean.exit(), clean.console());

    // The baseline: the same summary, but with one MUST case failed.
    ObjectNode baselineJson = (ObjectNode) clean.summary().deepCopy();
    for (JsonNode c : baselineJson.get("cases")) {
      if (c.get("id").asText().equals(KNOWN_FAILING)) {
        ((ObjectNode) c).put("verdict", "FAIL");
      }
    }
    Path baselineFile = dir.resolve("tck-baseline.json");
    JSON.writeValue(baselineFile.toFile(), baselineJson);
    Baseline baseline = Baseline.fromSummary(baselineFile, "server");

    Result better = run("better", Targets::open, baseline);
    assertEquals(ExitCode.HELD, better.exit(), better.console());
    assertTrue(better.console().contains("NEWLY PASSING: " + KNOWN_FAILING + " "), better.console());
    assertEquals("[\"" + KNOWN_FAILING + "\"]", better.summary().get("baseline").get("newlyPassing").toString());

    TargetOpener broken = (spec, profile) -> EmbeddedTarget.startIntercepted(profile.errorStyle(),
        new MutatingInterceptor(ServerMutants.find("status-always-exists").orElseThrow().mutation()), "reference server, status always exists");
    Result worse = run("worse", broken, baseline);
    assertEquals(ExitCode.NOT_CONFORMANT, worse.exit(), worse.console());
    assertTrue(worse.console().contains("REGRESSION: artifact-status-mixed-names [SRV-STA-001, SRV-STA-002, SRV-ART-007] FAIL: "), worse.console());
    String junitXml = Files.readString(dir.resolve("worse/TEST-cclr-server.xml"));
    assertTrue(junitXml.contains("name=\"artifact-status-mixed-names\""), junitXml);
  }
}
