package dev.cclr.tck.sail;

import dev.cclr.tck.clienttck.drivers.PySparkDriver;
import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the pinned {@code pysail} is installed in the project's Python virtual environment (the
 * PySpark driver's, see {@link PySparkDriver#venvDir()}) by running {@code tck/drivers/sail/install-pysail.sh},
 * from the source tree or from the copy in the TCK jar. The script is idempotent, so this costs a
 * fraction of a second once pysail is there.
 */
public final class PysailInstaller {
  private PysailInstaller() {}

  /** Where the installed {@code sail} command is, and the version it reports. */
  public record Installation(Path sailCommand, String version) {}

  /** The pysail version this kit pins (the {@code pysail==} line of drivers/sail/requirements.txt). */
  public static String pinnedVersion() {
    Path drivers = locateDrivers();
    try {
      return Files.readAllLines(drivers.resolve("sail/requirements.txt"), StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith("pysail=="))
          .map(l -> l.substring("pysail==".length()).trim())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(drivers.resolve("sail/requirements.txt") + " pins no pysail version"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pysail pin", e);
    }
  }

  /**
   * Installs pysail if missing and returns where it is.
   *
   * @throws IllegalStateException with the script's output when the venv cannot be made or pip
   *     cannot reach PyPI
   */
  public static synchronized Installation ensureInstalled() {
    // The runner opens the target again for every case after a failed start; without this, an
    // unreachable PyPI would cost pip's retries 140 times over.
    if (failure != null) {
      throw new IllegalStateException("pysail could not be installed earlier in this run: " + failure.getMessage(), failure);
    }
    try {
      return install();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  private static RuntimeException failure;

  private static Installation install() {
    Path venv = PySparkDriver.venvDir();
    Path script = locateDrivers().resolve("sail/install-pysail.sh");
    try {
      Process p = new ProcessBuilder("bash", script.toString(), venv.toString()).redirectErrorStream(true).start();
      // Read to the end before waiting: the script's output must not fill the pipe and stall it.
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("could not install pysail into " + venv + " (" + script + "):\n" + log.strip());
      }
      String[] lines = log.strip().split("\n");
      String last = lines[lines.length - 1].trim();
      if (!last.startsWith("sail ")) {
        throw new IllegalStateException("`sail --version` printed no version after installing pysail:\n" + log.strip());
      }
      return new Installation(venv.resolve("bin").resolve("sail"), last.substring("sail ".length()).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing pysail", e);
    }
  }

  /** The drivers folder: the source tree's when running from it, else extracted from the jar. */
  private static Path locateDrivers() {
    return KitFiles.directory(KitFiles.Tree.DRIVERS);
  }
}
