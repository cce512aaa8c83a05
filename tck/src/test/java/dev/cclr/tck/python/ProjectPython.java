package dev.cclr.tck.python;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cclr.tck.clienttck.drivers.PySparkDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script of the build with the project's virtual environment (the PySpark driver's,
 * which has pyarrow and PyYAML pinned in tck/drivers/pyspark/requirements.txt and which .ci/run
 * prepares). A missing environment fails the calling test with what to do, never skips it: the
 * checks these scripts make would otherwise vanish from a build without anyone noticing.
 */
public final class ProjectPython {
  private ProjectPython() {}

  /** What the script printed, once it exited with code 0; anything else fails the test. */
  public static String run(Path script, List<String> args, Path workDir) {
    Path python = PySparkDriver.venvDir().resolve("bin").resolve("python");
    if (!Files.isExecutable(python)) {
      fail("no Python environment at " + PySparkDriver.venvDir() + " (CCLR_VENV_DIR); create it with"
          + " bash tck/drivers/pyspark/setup-venv.sh " + PySparkDriver.venvDir() + " (.ci/run does)");
    }
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toAbsolutePath().toString()));
    command.addAll(args);
    try {
      Path out = Files.createTempFile("cclr-python", ".out");
      Path err = Files.createTempFile("cclr-python", ".err");
      try {
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          fail(String.join(" ", command) + " did not finish within 5 minutes");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          fail(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + stdout
              + Files.readString(err, StandardCharsets.UTF_8));
        }
        return stdout;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The source tree's root (the folder holding spec/ and fixtures/), from tck/ or from the root. */
  public static Path repositoryRoot() {
    for (Path candidate : List.of(Path.of(""), Path.of(".."))) {
      Path abs = candidate.toAbsolutePath().normalize();
      if (Files.isDirectory(abs.resolve("spec")) && Files.isDirectory(abs.resolve("fixtures"))) {
        return abs;
      }
    }
    throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
  }
}
