package dev.cclr.tck.sail;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.spark.LocalServerProcesses;
import dev.cclr.tck.spark.ProcessTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A LakeSail Sail Spark Connect server ({@code sail spark server}, from the pysail package) bound to
 * 127.0.0.1 on a free port. {@link #start} returns once the server answers a Spark Connect Config
 * call; {@link #close()} kills the process tree and deletes its working directory.
 *
 * <p>Sail is a native program, so the JVM watchdog the Spark server uses cannot guard it. Instead
 * it runs under {@link LocalServerProcesses#watched}, which ends it once the starting JVM is gone.
 */
public final class SailServerProcess implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SailServerProcess.class.getName());
  private static final int BIND_ATTEMPTS = 3;
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(1);

  private final String version;
  private final Process process;
  private final int port;
  private final Path workDir;
  private final Path logFile;
  private final Duration startupTime;
  private final Thread shutdownHook;

  private SailServerProcess(String version, Process process, int port, Path workDir, Path logFile,
      Duration startupTime, Thread shutdownHook) {
    this.version = version;
    this.process = process;
    this.port = port;
    this.workDir = workDir;
    this.logFile = logFile;
    this.startupTime = startupTime;
    this.shutdownHook = shutdownHook;
  }

  /**
   * Starts {@code sail spark server} from the given installation and waits until it answers.
   *
   * @throws IllegalStateException if the server exits or does not answer in time; the message
   *     holds the end of its log
   */
  public static SailServerProcess start(PysailInstaller.Installation sail) {
    Path workDir;
    Path logFile;
    try {
      workDir = Files.createTempDirectory("cclr-sail-" + sail.version() + "-");
      logFile = workDir.resolveSibling(workDir.getFileName() + ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the Sail server's directory", e);
    }
    for (int attempt = 1; ; attempt++) {
      int port = LocalServerProcesses.freePort();
      Instant launched = Instant.now();
      Process process = spawn(sail, workDir, logFile, port);
      Thread hook = new Thread(() -> ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(5)),
          "cclr-sail-server-killer");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        // A Config get: not AnalyzePlan spark_version, which Sail answers by importing pyspark, nor
        // ArtifactStatus, which Sail 0.7.2 does not implement.
        LocalServerProcesses.awaitReady(process, ConnectUri.local(port), STARTUP_TIMEOUT,
            session -> session.configGet("spark.sql.session.timeZone"));
        Duration startup = Duration.between(launched, Instant.now());
        LOG.log(System.Logger.Level.INFO, "Sail {0} Spark Connect server ready on 127.0.0.1:{1} after {2} ms",
            sail.version(), String.valueOf(port), String.valueOf(startup.toMillis()));
        return new SailServerProcess(sail.version(), process, port, workDir, logFile, startup, hook);
      } catch (RuntimeException e) {
        ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(5));
        Runtime.getRuntime().removeShutdownHook(hook);
        String log = LocalServerProcesses.logTail(logFile);
        if (log.contains("Address already in use") && attempt < BIND_ATTEMPTS) {
          // Someone took the free port between our probe and Sail's bind: try another one.
          continue;
        }
        LocalServerProcesses.deleteRecursively(workDir);
        throw new IllegalStateException("Sail " + sail.version() + " Spark Connect server did not start: "
            + e.getMessage() + "\n--- end of " + logFile + " ---\n" + log, e);
      }
    }
  }

  public String version() { return version; }

  public int port() { return port; }

  public Path logFile() { return logFile; }

  public long pid() { return process.pid(); }

  public boolean isAlive() { return process.isAlive(); }

  /** From launching the process to the first successful Spark Connect call. */
  public Duration startupTime() { return startupTime; }

  public ConnectUri connectUri() { return ConnectUri.local(port); }

  /** Kills the server and its watchdog (SIGTERM, then SIGKILL after a grace period). */
  @Override
  public void close() {
    LocalServerProcesses.stop(process, shutdownHook, workDir);
  }

  @Override
  public String toString() {
    return "Sail " + version + " Spark Connect server on 127.0.0.1:" + port + " (pid " + process.pid()
        + ", log " + logFile + ")";
  }

  private static Process spawn(PysailInstaller.Installation sail, Path workDir, Path logFile, int port) {
    List<String> server = List.of(sail.sailCommand().toString(), "spark", "server",
        "--ip", "127.0.0.1", "--port", Integer.toString(port), "--directory", workDir.toString());
    List<String> command = LocalServerProcesses.watched(ProcessHandle.current().pid(), server);
    try {
      Files.writeString(logFile, "# " + String.join(" ", server) + "\n", StandardCharsets.UTF_8);
      return new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + sail.sailCommand(), e);
    }
  }
}
