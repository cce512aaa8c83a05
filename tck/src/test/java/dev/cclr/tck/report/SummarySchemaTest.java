package dev.cclr.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckLauncher;
import dev.cclr.tck.targets.Targets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fixtures/summary.schema.json describes what the TCK writes: summaries of real runs (a judged run
 * gated with an expected-failures list, a run whose target was never reached) follow it, and a
 * summary with a field the schema does not know does not.
 */
class SummarySchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CASES = List.of("artifact-status-mixed-names", "artifact-crc-failure");

  @TempDir
  Path dir;

  private static JsonSchema schema() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(Path.of("../fixtures/summary.schema.json").toFile()));
  }

  private JsonNode run(String name, String target, Baseline baseline) throws Exception {
    return run(name, target, baseline, Provenance.NONE);
  }

  private JsonNode run(String name, String target, Baseline baseline, Provenance provenance) throws Exception {
    RunConfiguration config = new RunConfiguration(Suite.SERVER, target, Optional.empty(), Profile.SPARK_4_2, CASES, List.of(),
        List.of("large"), dir.resolve(name), false, Optional.empty(), baseline);
    TckLauncher.execute(config, provenance, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Targets::open);
    return JSON.readTree(dir.resolve(name).resolve(SummaryJsonWriter.FILE).toFile());
  }

  @Test
  void summariesOfRealRunsFollowTheSchema() throws Exception {
    Path xfail = Files.writeString(dir.resolve("xfail.txt"), "artifact-crc-failure known\nno-such-case typo\n");
    JsonNode gated = run("gated", "embedded", Baseline.fromExpectedFailuresFile(xfail), Provenance.of("1.2.3", "built from this repository"));
    assertTrue(gated.has("baseline") && gated.get("cases").get(0).has("expectedFailure"), gated.toString());
    assertEquals("1.2.3", gated.path("implementationVersion").asText(), "the provenance given to the run is recorded");
    assertEquals("built from this repository", gated.path("installedFrom").asText());
    JsonNode unreached = run("unreached", "sc://127.0.0.1:1", Baseline.NONE);
    assertTrue(unreached.has("notJudged"), unreached.toString());
    JsonSchema schema = schema();
    for (JsonNode summary : List.of(gated, unreached)) {
      Set<ValidationMessage> errors = schema.validate(summary);
      assertEquals(Set.of(), errors, summary.toString());
    }
  }

  /** Summaries written before the schema grew (no implementationVersion or installedFrom) still follow it. */
  @Test
  void committedSummariesFollowTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<Path> summaries;
    try (java.util.stream.Stream<Path> dirs = Files.list(Path.of("../spec/results"))) {
      summaries = dirs.map(d -> d.resolve(SummaryJsonWriter.FILE)).filter(Files::exists).sorted().toList();
    }
    assertTrue(summaries.size() >= 10, summaries.toString());
    for (Path summary : summaries) {
      assertEquals(Set.of(), schema.validate(JSON.readTree(summary.toFile())), summary.toString());
    }
  }

  @Test
  void aFieldTheSchemaDoesNotKnowIsRefused() throws Exception {
    RunSummary s = new RunSummary("server", "x", "embedded", "spark-4.2", "dev", java.time.Instant.EPOCH);
    s.add(new CaseResult("a", "t", List.of("SRV-ART-001"), "MUST", List.of(), Verdict.PASS, "", null, java.time.Duration.ZERO));
    com.fasterxml.jackson.databind.node.ObjectNode json = SummaryJsonWriter.toJson(s, false);
    assertEquals(Set.of(), schema().validate(json));
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("cases").get(0)).put("verdictt", "PASS");
    assertEquals(1, schema().validate(json).size());
  }
}
