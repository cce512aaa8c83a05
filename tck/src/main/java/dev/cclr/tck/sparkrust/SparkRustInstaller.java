package dev.cclr.tck.sparkrust;

import dev.cclr.tck.clienttck.drivers.PySparkDriver;
import dev.cclr.tck.fixtures.KitScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Makes sure the pinned Spark Rust runtime's Spark Connect server binary (PyPI
 * {@code spark-rust-runtime-spark-connect-server}, pinned in {@code tck/drivers/sparkrust/requirements.txt})
 * is unpacked in the kit's cache, {@code ~/.cache/cclr/sparkrust/<version>} (or under
 * {@code $CCLR_SPARKRUST_DIR}), by running {@code tck/drivers/sparkrust/install-sparkrust.sh}. The
 * wheel is downloaded once (pip of the project venv if there is one, else {@code python3 -m pip});
 * later calls find the binary and return at once.
 */
public final class SparkRustInstaller {
  static final String PACKAGE = "spark-rust-runtime-spark-connect-server";

  private SparkRustInstaller() {}

  /** The unpacked binary, and the pinned package version it came from. */
  public record Installation(Path binary, String version) {}

  /** The package version this kit pins. */
  public static String pinnedVersion() {
    return KitScripts.pinnedVersion("sparkrust/requirements.txt", PACKAGE);
  }

  /** The folder the pinned versions are unpacked into, one subfolder per version. */
  public static Path cacheDir() {
    String configured = System.getenv("CCLR_SPARKRUST_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", "sparkrust");
  }

  /**
   * Downloads and unpacks the binary if missing and returns where it is.
   *
   * @throws IllegalStateException with the script's output when PyPI does not serve the pinned wheel
   */
  public static Installation ensureInstalled() {
    return ONCE.get();
  }

  private static final KitScripts.Once<Installation> ONCE =
      new KitScripts.Once<>("the Spark Rust runtime (" + PACKAGE + ")", SparkRustInstaller::install);

  private static Installation install() {
    String version = pinnedVersion();
    String log = KitScripts.run("sparkrust/install-sparkrust.sh",
        List.of(cacheDir().toString(), PySparkDriver.venvDir().toString()), Duration.ofMinutes(20),
        "download " + PACKAGE + "==" + version + " into " + cacheDir());
    Path binary = Path.of(KitScripts.lastLine(log));
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("install-sparkrust.sh named no executable binary:\n" + log);
    }
    return new Installation(binary, version);
  }
}
