package dev.cclr.tck.targets;

import dev.cclr.tck.spark.LocalServerProcesses;
import dev.cclr.tck.sparkrust.SparkRustInstaller;
import java.util.List;

/**
 * {@code sparkrust} (or {@code sparkrust:<version>} naming the pinned version): the Spark Rust
 * runtime's Spark Connect server, a native binary from PyPI. The TCK downloads the pinned wheel into
 * its cache once ({@link SparkRustInstaller}) and launches the binary as a {@link LaunchedTarget},
 * so it is waited for, stopped and restarted after a crash like any launched server.
 *
 * <p>Every listener it opens is bound to 127.0.0.1 ({@code --host} applies to all of them); the ones
 * the TCK does not use are disabled (Arrow Flight SQL, the web UI) and the topology heartbeat
 * service, which cannot be disabled, gets a free port of its own instead of the fixed 50052.
 */
public final class SparkRustTarget {
  public static final String NAME = "sparkrust";

  private SparkRustTarget() {}

  /**
   * @param version the version asked for on the command line, or empty for the pinned one
   * @throws IllegalArgumentException for any version but the pinned one
   */
  public static LaunchedTarget start(String version) {
    String pinned = SparkRustInstaller.pinnedVersion();
    if (!version.isEmpty() && !version.equals(pinned)) {
      throw new IllegalArgumentException("this kit pins the Spark Rust runtime " + pinned
          + " (tck/drivers/sparkrust/requirements.txt), not " + version
          + ": start that version yourself and use --target 'launch:<its bin/spark-connect-server> --host 127.0.0.1 --port {port} ...'");
    }
    SparkRustInstaller.Installation installed = SparkRustInstaller.ensureInstalled();
    return LaunchedTarget.start(NAME + ":" + installed.version(), "Spark Rust runtime " + installed.version(),
        (port, workDir) -> List.of(installed.binary().toString(),
            "--host", "127.0.0.1",
            "--port", Integer.toString(port),
            "--flight-sql-port", "0",
            "--topology-port", Integer.toString(LocalServerProcesses.freePort()),
            "--ui-port", "0",
            // Its default is one fixed folder under /tmp shared by every instance.
            "--streaming-temp-dir", workDir.resolve("streaming").toString()));
  }
}
