package dev.cclr.tck.run;

import dev.cclr.tck.cases.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.spec.RequirementCatalog;
import dev.cclr.tck.targets.ContainerTarget;
import dev.cclr.tck.targets.LocalImages;
import dev.cclr.tck.targets.container.ContainerTargetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole server suite, the large cases included, against the reference server's container
 * image through the {@code container:} target (profile {@code containers}, which builds the image
 * first). The image holds the same server as the embedded target, so every case must be judged
 * with the verdict spec/results/reference-server records, and nothing may be skipped: the large
 * cases, which that summary lists as skipped by default, must pass here.
 */
class ContainerServerTckTest {

  @Test
  void theReferenceServersImageGivesTheCommittedVerdictsWithNothingSkipped() throws Exception {
    String image = System.getProperty("cclr.referenceServerImage");
    assertNotNull(image, "cclr.referenceServerImage is not set: run this test in the containers profile "
        + "(./mvnw -Pcontainers verify), which builds the image");
    LocalImages.requireBuiltFrom(image, Path.of(System.getProperty("cclr.referenceServerJar")),
        "dev.cclr.reference-server.jar-sha256", "./mvnw -Pcontainers -pl reference-server -am package");

    String target = "container:" + image + ":" + freeLoopbackPort();
    Path reportDir = Path.of("target/tck-reports/container-reference-server");
    // No tag excluded: the large cases run too, so that nothing is skipped.
    RunConfiguration config = new RunConfiguration(Suite.SERVER, target, Optional.empty(), Profile.SPARK_4_2, List.of(), List.of(),
        List.of(), reportDir, false, Optional.empty());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = TckLauncher.run(config, new TckRuns.TeePrintStream(new PrintStream(bytes, true, StandardCharsets.UTF_8), System.out));
    String console = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, console);
    JsonNode fresh = new ObjectMapper().readTree(reportDir.resolve("tck-summary.json").toFile());
    assertEquals(target, fresh.path("target").asText());

    JsonNode committed = new ObjectMapper().readTree(RequirementCatalog.defaultSpecDir()
        .resolve("results/reference-server/tck-summary.json").toFile());
    Map<String, String> expected = new TreeMap<>();
    for (JsonNode c : committed.path("cases")) {
      boolean large = c.path("tags").toString().contains("\"large\"");
      expected.put(c.path("id").asText(), large ? "PASS" : c.path("verdict").asText());
    }
    Map<String, String> actual = new TreeMap<>();
    int passed = 0;
    for (JsonNode c : fresh.path("cases")) {
      String verdict = c.path("verdict").asText();
      actual.put(c.path("id").asText(), verdict);
      assertTrue(!verdict.equals("SKIPPED"), c.path("id").asText() + " was skipped: " + c.path("message").asText());
      passed += verdict.equals("PASS") ? 1 : 0;
    }
    Map<String, String> differences = new TreeMap<>();
    expected.forEach((id, verdict) -> {
      if (!verdict.equals(actual.get(id))) {
        differences.put(id, "expected " + verdict + ", got " + actual.get(id));
      }
    });
    actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> differences.put(id, "not in the committed results"));
    assertEquals(Map.of(), differences, "the container run's verdicts differ from spec/results/reference-server "
        + "(its large cases, skipped there by default, must pass here)");
    assertTrue(passed >= 100, "only " + passed + " cases passed");
  }

  /** Never a pull: an image that is not on the engine fails the target at once, naming the image. */
  @Test
  void anImageThatIsNotLocalFailsAtOnceWithoutAPull() throws Exception {
    java.time.Instant started = java.time.Instant.now();
    ContainerTargetException e = assertThrows(ContainerTargetException.class,
        () -> ContainerTarget.start("container:cclr/not-built-here:0:" + freeLoopbackPort()));
    assertTrue(java.time.Duration.between(started, java.time.Instant.now()).toSeconds() < 20,
        "took " + java.time.Duration.between(started, java.time.Instant.now()));
    assertTrue(e.getMessage().contains("image 'cclr/not-built-here:0' is not on the Docker engine, and container "
        + "targets never pull images"), e.getMessage());
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
