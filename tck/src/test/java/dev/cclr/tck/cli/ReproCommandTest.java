package dev.cclr.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.targets.LaunchedTarget;
import dev.cclr.tck.targets.SparkRustTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tck repro} bundles run alone, as an implementer would run them: the bundle's own
 * {@code repro.sh} against a Spark Rust runtime server (the pinned binary, which the
 * {@code sparkrust} target downloads and starts) that the test started and the script merely
 * connects to. The bundle of {@code chunked-buffer-outside-body} must take that process down; the
 * bundle of a case the binary answers properly must leave it running, so the first is the case's
 * doing and not the script's.
 */
@Tag("sparkrust")
class ReproCommandTest {
  private static final String CRASHING_CASE = "chunked-buffer-outside-body";
  private static final String ANSWERED_CASE = "wrapper-todf-renames-by-position";

  @TempDir
  Path dir;

  @Test
  void theBundleOfChunkedBufferOutsideBodyCrashesThePinnedSparkRustBinaryWhenRunAlone() throws Exception {
    Path bundle = dir.resolve("bundle");
    assertEquals(0, TckCli.execute("repro", "--case", CRASHING_CASE, "--out", bundle.toString()));

    // What the implementer gets: the blob as a file, byte for byte the manifest's, and the calls in words.
    byte[] blob = Files.readAllBytes(bundle.resolve("blobs/d.bin"));
    String manifest = Files.readString(bundle.resolve("fixtures/server/" + CRASHING_CASE + "/case.json"));
    assertTrue(manifest.contains(HexFormat.of().formatHex(blob)), "blobs/d.bin is not the manifest's blob d");
    String readme = Files.readString(bundle.resolve("README.md"));
    assertTrue(readme.contains("1. AddArtifacts: one call uploading the blobs `d`"), readme);
    assertTrue(readme.contains("2. ExecutePlan of a plan whose root is a chunked cached local relation"), readme);
    assertTrue(readme.contains("expected: the call fails with gRPC status INTERNAL."), readme);

    try (LaunchedTarget server = SparkRustTarget.start("")) {
      assertTrue(server.processEnded().isEmpty(), "the server was not up before the bundle ran");
      int exit = runScript(bundle, server);
      assertEquals(1, exit, "repro.sh must report the case failed; its output:\n" + output(bundle));
      assertTrue(output(bundle).contains("stopped answering during case " + CRASHING_CASE), output(bundle));
      assertTrue(awaitEnd(server), "the Spark Rust server survived the bundle of " + CRASHING_CASE);
      assertTrue(server.processEnded().get().contains("exited with code 134"), server.processEnded().get());
    }
  }

  /** The binary's other crash: a compressed buffer declaring 1 TiB makes it abort on the allocation. */
  @Test
  void theBundleOfCompressionDeclaredLengthTooLargeCrashesThePinnedSparkRustBinaryToo() throws Exception {
    String crashing = "compression-declared-length-too-large";
    Path bundle = dir.resolve("bundle");
    assertEquals(0, TckCli.execute("repro", "--case", crashing, "--out", bundle.toString()));
    try (LaunchedTarget server = SparkRustTarget.start("")) {
      assertTrue(server.processEnded().isEmpty(), "the server was not up before the bundle ran");
      int exit = runScript(bundle, server);
      assertEquals(1, exit, "repro.sh must report the case failed; its output:\n" + output(bundle));
      assertTrue(output(bundle).contains("stopped answering during case " + crashing), output(bundle));
      assertTrue(awaitEnd(server), "the Spark Rust server survived the bundle of " + crashing);
    }
  }

  @Test
  void theBundleOfACaseTheBinaryAnswersLeavesItRunning() throws Exception {
    Path bundle = dir.resolve("bundle");
    assertEquals(0, TckCli.execute("repro", "--case", ANSWERED_CASE, "--out", bundle.toString()));
    try (LaunchedTarget server = SparkRustTarget.start("")) {
      int exit = runScript(bundle, server);
      assertEquals(0, exit, "the binary passes " + ANSWERED_CASE + "; repro.sh said otherwise:\n" + output(bundle));
      assertTrue(server.processEnded().isEmpty(), "the server died: " + server.processEnded().orElse(""));
    }
  }

  @Test
  void aBundleIsNeverWrittenOverOtherFiles() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(bundle.resolve("notes.txt"), "mine");
    assertEquals(2, TckCli.execute("repro", "--case", CRASHING_CASE, "--out", bundle.toString()));
    assertEquals(2, TckCli.execute("repro", "--case", "no-such-case", "--out", dir.resolve("new").toString()));
    assertTrue(Files.notExists(dir.resolve("new")));
  }

  /** Runs the bundle's repro.sh against the server, from the kit's classes (no jar exists before package). */
  private static int runScript(Path bundle, LaunchedTarget server) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", bundle.resolve("repro.sh").toString(), "sc://127.0.0.1:" + server.uri().port())
        .redirectErrorStream(true).redirectOutput(bundle.resolve("repro.out").toFile());
    pb.environment().put("TCK_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "repro.sh did not end");
    return p.exitValue();
  }

  private static String output(Path bundle) throws IOException {
    return Files.readString(bundle.resolve("repro.out"), StandardCharsets.UTF_8);
  }

  /** The server is probed right after the case, but an abort takes a moment to reach the process table. */
  private static boolean awaitEnd(LaunchedTarget server) throws InterruptedException {
    for (int i = 0; i < 100 && server.processEnded().isEmpty(); i++) {
      Thread.sleep(100);
    }
    return server.processEnded().isPresent();
  }
}
