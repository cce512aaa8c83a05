package dev.cclr.tck.clienttck.drivers;

import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PySpark's Connect client ({@code pyspark-client} with {@code pyarrow}), run from a virtual
 * environment that the TCK creates on first use with {@code setup-venv.sh} and the pinned
 * {@code requirements.txt} of {@code tck/drivers/pyspark} (from the source tree, or from the copy
 * in the TCK jar). The environment lives under {@code ~/.cache/cclr} (or {@code CCLR_VENV_DIR}) and
 * is reused while the requirements do not change.
 */
public final class PySparkDriver implements ClientDriver {

  private Path driverDir;
  private Path venv;

  @Override
  public String name() { return "pyspark"; }

  /** The driver script takes the pyarrow table, a pandas DataFrame or a list of row tuples. */
  @Override
  public java.util.Set<InputForm> inputForms() {
    return java.util.EnumSet.allOf(InputForm.class);
  }

  @Override
  public String describe() {
    prepare();
    try {
      String version = Files.readAllLines(driverDir.resolve("requirements.txt")).stream()
          .filter(l -> l.startsWith("pyspark-client==")).map(l -> l.substring("pyspark-client==".length()).trim())
          .findFirst().orElse("?");
      return "PySpark Connect client " + version;
    } catch (IOException e) {
      return "PySpark Connect client";
    }
  }

  @Override
  public synchronized void prepare() {
    if (venv != null) {
      return;
    }
    try {
      driverDir = locateDriverFiles();
      Path target = venvDir();
      Process p = new ProcessBuilder("bash", driverDir.resolve("setup-venv.sh").toString(), target.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("could not set up the PySpark virtual environment in " + target + ":\n" + log);
      }
      venv = target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up the PySpark driver", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up the PySpark driver", e);
    }
  }

  @Override
  public List<String> command(Path workDir) {
    prepare();
    return List.of(venv.resolve("bin").resolve("python").toString(), driverDir.resolve("cclr_pyspark_driver.py").toString());
  }

  /** The project's Python virtual environment; the Sail target installs pysail into it too. */
  public static Path venvDir() {
    String configured = System.getenv("CCLR_VENV_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", "pyspark-venv");
  }

  /** The driver's files: the source tree's when running from it, else extracted from the jar. */
  private static Path locateDriverFiles() {
    return KitFiles.directory(KitFiles.Tree.DRIVERS).resolve("pyspark");
  }
}
