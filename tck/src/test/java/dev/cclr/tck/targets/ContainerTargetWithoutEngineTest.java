package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.targets.container.ContainerSpec;
import dev.cclr.tck.targets.ContainerTarget;
import dev.cclr.tck.targets.container.ContainerTargetException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container target with no Docker engine to run it fails, at once and with a message that says
 * where it looked and what to do; a whole run against it judges every case ERROR, never SKIPPED.
 */
class ContainerTargetWithoutEngineTest {
  private static final String NO_SOCKET = "unix:///nonexistent/cclr-test/docker.sock";

  @Test
  void failsFastNamingTheEndpoint() {
    Instant started = Instant.now();
    ContainerTargetException e = assertThrows(ContainerTargetException.class, () -> ContainerTarget.start(
        ContainerSpec.parse("container:cclr/reference-server:test:15002"), Map.of("DOCKER_HOST", NO_SOCKET)));
    assertTrue(Duration.between(started, Instant.now()).toSeconds() < 10, "took " + Duration.between(started, Instant.now()));
    assertTrue(e.getMessage().startsWith("container target 'container:cclr/reference-server:test:15002' needs a Docker "
        + "engine: none answered at " + NO_SOCKET), e.getMessage());
    assertTrue(e.getMessage().contains("start dockerd") && e.getMessage().contains("DOCKER_HOST"), e.getMessage());
  }

  @Test
  void aTcpEndpointWhereNothingListensFailsToo() {
    ContainerTargetException e = assertThrows(ContainerTargetException.class, () -> ContainerTarget.start(
        ContainerSpec.parse("container:some/image"), Map.of("DOCKER_HOST", "tcp://127.0.0.1:1")));
    assertTrue(e.getMessage().contains("none answered at tcp://127.0.0.1:1"), e.getMessage());
  }

  /** The command line, in a child JVM whose DOCKER_HOST points nowhere: exit 2 (could not judge), every case ERROR. */
  @Test
  void aRunAgainstItErrorsEveryCaseAndSkipsNone(@TempDir Path reports) throws Exception {
    Path log = reports.resolve("console.txt");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.cclr.tck.cli.TckCli",
        "run", "--target", "container:cclr/reference-server:test", "--report-dir", reports.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("DOCKER_HOST", NO_SOCKET);
    Process process = builder.start();
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the run did not end");
    String console = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue(), console);
    assertTrue(console.contains("needs a Docker engine: none answered at " + NO_SOCKET), console);

    JsonNode summary = new ObjectMapper().readTree(new File(reports.toFile(), "tck-summary.json"));
    assertTrue(summary.path("notJudged").asText().contains("needs a Docker engine"), summary.path("notJudged").toString());
    int errors = 0;
    for (JsonNode c : summary.path("cases")) {
      String verdict = c.path("verdict").asText();
      boolean excludedByTag = c.path("tags").toString().contains("\"large\"");
      if (excludedByTag) {
        continue;
      }
      assertEquals("ERROR", verdict, c.path("id").asText() + ": " + c.path("message").asText());
      assertTrue(c.path("message").asText().contains("needs a Docker engine"), c.path("message").asText());
      errors++;
    }
    assertTrue(errors >= 20, "only " + errors + " cases judged");
  }
}
