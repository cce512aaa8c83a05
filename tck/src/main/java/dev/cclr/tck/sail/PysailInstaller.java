package dev.cclr.tck.sail;

import dev.cclr.tck.clienttck.drivers.PySparkDriver;
import dev.cclr.tck.fixtures.KitScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Makes sure the pinned {@code pysail} is installed in the project's Python virtual environment (the
 * PySpark driver's, see {@link PySparkDriver#venvDir()}) by running {@code tck/drivers/sail/install-pysail.sh}
 * (through {@link KitScripts}). The script is idempotent, so this costs a
 * fraction of a second once pysail is there.
 */
public final class PysailInstaller {
  private PysailInstaller() {}

  /** Where the installed {@code sail} command is, and the version it reports. */
  public record Installation(Path sailCommand, String version) {}

  /** The pysail version this kit pins (the {@code pysail==} line of drivers/sail/requirements.txt). */
  public static String pinnedVersion() {
    return KitScripts.pinnedVersion("sail/requirements.txt", "pysail");
  }

  /**
   * Installs pysail if missing and returns where it is.
   *
   * @throws IllegalStateException with the script's output when the venv cannot be made or pip
   *     cannot reach PyPI
   */
  public static Installation ensureInstalled() {
    return ONCE.get();
  }

  private static final KitScripts.Once<Installation> ONCE = new KitScripts.Once<>("pysail", PysailInstaller::install);

  private static Installation install() {
    Path venv = PySparkDriver.venvDir();
    String log = KitScripts.run("sail/install-pysail.sh", List.of(venv.toString()), Duration.ofMinutes(20),
        "install pysail into " + venv);
    String last = KitScripts.lastLine(log);
    if (!last.startsWith("sail ")) {
      throw new IllegalStateException("`sail --version` printed no version after installing pysail:\n" + log);
    }
    return new Installation(venv.resolve("bin").resolve("sail"), last.substring("sail ".length()).trim());
  }
}
