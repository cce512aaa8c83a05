package dev.cclr.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.spec.RequirementCatalog;
import dev.cclr.tck.targets.ContainerTarget;
import dev.cclr.tck.targets.LocalImages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCK's own container image ({@code cclr/tck:<version>}, built by tck/image/build-image.sh in
 * the containers profile's package phase) run as a user runs it: {@code docker run --network host
 * -v DIR:/out cclr/tck:<version> run --target sc://127.0.0.1:PORT --out /out}, with the docker
 * command line, against the reference server's image. Runs after {@code package} in the
 * {@code tck-image} execution of tck/pom.xml (profile containers).
 */
class TckImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String image;

  @TempDir
  Path out;

  @BeforeAll
  static void theImageHoldsTheJarJustBuilt() throws Exception {
    image = System.getProperty("cclr.tckImage");
    assertNotNull(image, "cclr.tckImage is not set: run this test in the containers profile "
        + "(./mvnw -Pcontainers verify), which builds the image");
    LocalImages.requireBuiltFrom(image, Path.of(System.getProperty("cclr.tckJar")), "dev.cclr.tck.jar-sha256",
        "./mvnw -Pcontainers -pl tck -am package -DskipTests");
  }

  @Test
  void theImageRunsTheSuiteAgainstTheReferenceServersImageAndWritesTheReportsToTheMountedFolder() throws Exception {
    String serverImage = System.getProperty("cclr.referenceServerImage");
    LocalImages.requireBuiltFrom(serverImage, Path.of(System.getProperty("cclr.referenceServerJar")),
        "dev.cclr.reference-server.jar-sha256", "./mvnw -Pcontainers -pl reference-server -am package");
    // The server's image demands a random token (CCLR_SERVER_TOKEN), which the connection string
    // carries, so that the authentication cases are judged too.
    try (ContainerTarget server = ContainerTarget.start("container:" + serverImage + ":" + freeLoopbackPort())) {
      String target = server.uri().toConnectionString();
      Run run = dockerRun(900, "run", "--target", target, "--out", "/out");
      assertEquals(0, run.exit, run.output);
      assertTrue(run.output.contains("gate (MUST): PASSED (exit 0); reports in /out"), run.output);

      JsonNode summary = JSON.readTree(out.resolve("tck-summary.json").toFile());
      assertEquals(server.uri().toString(), summary.path("target").asText(), "the summary names the target, token masked");
      assertTokenNowhere(server.uri().token().orElseThrow(), run);
      // Every case as the committed reference run has it: every MUST case that applies under the
      // default profile passes, and the large ones are skipped by default here as there.
      JsonNode committed = JSON.readTree(RequirementCatalog.defaultSpecDir()
          .resolve("results/reference-server/tck-summary.json").toFile());
      Map<String, String> expected = verdicts(committed);
      Map<String, String> actual = verdicts(summary);
      assertEquals(expected, actual, "the image's verdicts differ from spec/results/reference-server");
      List<String> mustNotPassed = new ArrayList<>();
      summary.path("cases").forEach(c -> {
        String verdict = c.path("verdict").asText();
        if (c.path("level").asText().equals("MUST") && !verdict.equals("PASS") && !verdict.equals("NOT_APPLICABLE")
            && !c.path("tags").toString().contains("\"large\"")) {
          mustNotPassed.add(c.path("id").asText() + " " + verdict + ": " + c.path("message").asText());
        }
      });
      assertEquals(List.of(), mustNotPassed, "MUST cases that did not pass");
      assertTrue(actual.values().stream().filter("PASS"::equals).count() >= 150, actual.toString());
      for (String report : List.of("tck-report.html", "TEST-cclr-server.xml", "open-test-report.xml")) {
        assertTrue(Files.size(out.resolve(report)) > 0, report + " is missing from the mounted folder");
      }
    }
  }

  /** Nothing listens: the run cannot judge, says so, and exits 2 with every case ERROR and none FAIL. */
  @Test
  void againstAPortWhereNothingListensTheImageFailsClosed() throws Exception {
    int port = freeLoopbackPort();
    String token = UUID.randomUUID().toString();
    Run run = dockerRun(300, "run", "--target", "sc://127.0.0.1:" + port + "/;token=" + token, "--out", "/out");
    assertEquals(2, run.exit, run.output);
    assertTrue(run.output.contains("NOT JUDGED: target sc://127.0.0.1:" + port + "/;token=*** did not answer"), run.output);
    assertTokenNowhere(token, run);
    JsonNode summary = JSON.readTree(out.resolve("tck-summary.json").toFile());
    assertTrue(summary.path("notJudged").asText().contains("127.0.0.1:" + port), summary.path("notJudged").toString());
    Map<String, String> verdicts = verdicts(summary);
    assertTrue(verdicts.values().stream().allMatch(v -> v.equals("ERROR") || v.equals("SKIPPED") || v.equals("NOT_APPLICABLE")),
        verdicts.toString());
    assertTrue(verdicts.containsValue("ERROR"), verdicts.toString());
  }

  /** CI publishes the console and the reports: the target's token must be in neither. */
  private void assertTokenNowhere(String token, Run run) throws IOException {
    assertTrue(!run.output.contains(token), "the token is on the console:\n" + run.output);
    try (var files = Files.list(out)) {
      for (Path file : files.toList()) {
        assertTrue(!Files.readString(file, StandardCharsets.UTF_8).contains(token), "the token is in " + file.getFileName());
      }
    }
  }

  private static Map<String, String> verdicts(JsonNode summary) {
    Map<String, String> verdicts = new TreeMap<>();
    summary.path("cases").forEach(c -> verdicts.put(c.path("id").asText(), c.path("verdict").asText()));
    return verdicts;
  }

  private record Run(int exit, String output) {}

  /** {@code docker run --rm --network host -v OUT:/out IMAGE ARGS}; the container is removed on a timeout. */
  private Run dockerRun(long timeoutSeconds, String... args) throws Exception {
    String name = "cclr-tck-it-" + UUID.randomUUID();
    List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "--name", name, "--network", "host",
        "-v", out.toAbsolutePath() + ":/out", image));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("tck-image-", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!exited) {
        new ProcessBuilder("docker", "rm", "--force", name).start().waitFor(60, TimeUnit.SECONDS);
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(exited, "`docker run ... " + String.join(" ", args) + "` did not finish in " + timeoutSeconds + " s:\n" + output);
      return new Run(process.exitValue(), output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
