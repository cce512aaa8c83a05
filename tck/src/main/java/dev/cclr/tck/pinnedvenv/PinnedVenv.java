package dev.cclr.tck.pinnedvenv;

import dev.cclr.tck.fixtures.KitFiles;
import dev.cclr.tck.fixtures.KitScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Python virtual environment of the kit's own that holds one pinned requirements file
 * ({@code tck/drivers/<folder>/requirements.txt}), for a target whose server is a Python package:
 * {@link #DAFT} and {@link #PROXY}. Each gets a venv of its own, {@code ~/.cache/cclr/<folder>-venv}
 * (or {@code $CCLR_<FOLDER>_VENV_DIR}), created and filled by
 * {@code tck/drivers/pinned-venv/install-pinned-venv.sh} on first use; later calls find the pinned
 * version there and return at once.
 */
public enum PinnedVenv {
  /** Daft 0.5.22, the last release with a Spark Connect server. */
  DAFT("daft", "daft", "Daft"),
  /** spark-connect-proxy, a gRPC proxy in front of a Spark Connect server. */
  PROXY("proxy", "spark-connect-proxy", "spark-connect-proxy");

  private final String folder;
  private final String pkg;
  private final String displayName;
  private final KitScripts.Once<Installation> once;

  PinnedVenv(String folder, String pkg, String displayName) {
    this.folder = folder;
    this.pkg = pkg;
    this.displayName = displayName;
    this.once = new KitScripts.Once<>(displayName + " (PyPI " + pkg + ")", this::install);
  }

  /** The venv's Python and the package version installed there (the pinned one). */
  public record Installation(Path python, String version) {}

  /** The name the project gives itself ("Daft"), for reports. */
  public String displayName() { return displayName; }

  /** The version {@code drivers/<folder>/requirements.txt} pins. */
  public String pinnedVersion() {
    return KitScripts.pinnedVersion(folder + "/requirements.txt", pkg);
  }

  /** A file of the kit's {@code drivers/<folder>/} (a launcher script). */
  public Path driverFile(String name) {
    return KitFiles.directory(KitFiles.Tree.DRIVERS).resolve(folder).resolve(name);
  }

  public Path venvDir() {
    String configured = System.getenv("CCLR_" + folder.toUpperCase(java.util.Locale.ROOT) + "_VENV_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", folder + "-venv");
  }

  /**
   * Creates the venv and installs the pins if the pinned version is not there yet.
   *
   * @throws IllegalStateException with pip's output when PyPI does not serve the pins (once per run:
   *     later calls repeat the first failure instead of pip's retries)
   */
  public Installation ensureInstalled() {
    return once.get();
  }

  private Installation install() {
    Path requirements = KitFiles.directory(KitFiles.Tree.DRIVERS).resolve(folder).resolve("requirements.txt");
    String log = KitScripts.run("pinned-venv/install-pinned-venv.sh",
        List.of(venvDir().toString(), requirements.toString(), pkg), Duration.ofMinutes(20),
        "install " + pkg + "==" + pinnedVersion() + " into " + venvDir());
    String version = KitScripts.lastLine(log);
    Path python = venvDir().resolve("bin").resolve("python");
    if (!Files.isExecutable(python) || !version.equals(pinnedVersion())) {
      throw new IllegalStateException("install-pinned-venv.sh left no " + pkg + " " + pinnedVersion() + " in " + venvDir() + ":\n" + log);
    }
    return new Installation(python, version);
  }
}
