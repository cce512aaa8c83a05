package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.spark.ListeningSockets;
import dev.cclr.tck.spark.LocalServerProcesses;
import dev.cclr.tck.spark.ProcessTrees;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code launch:<command>}: any server the TCK starts itself from a command line, for implementers
 * whose server is a program rather than something already running. The TCK picks a free port on
 * 127.0.0.1, puts it where the command says {@code {port}} (the command must bind 127.0.0.1 only),
 * starts it, waits until it answers a Spark Connect call (any answer, an error status too), and
 * stops the process tree when done. Because the TCK started it, it can start it again: after a
 * crash the run restarts it and goes on with the next case.
 *
 * <p>The command is split on whitespace; there is no quoting. Its output goes to a log file whose
 * tail is shown when it does not start. It runs under {@link LocalServerProcesses#watched}, so it
 * ends when the JVM that started it is gone, however that JVM ended.
 */
public final class LaunchedTarget implements Target {
  public static final String PREFIX = "launch:";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final String implementation;
  private final Process process;
  private final int port;
  private final Path workDir;
  private final Path logFile;
  private final Thread shutdownHook;

  private LaunchedTarget(String name, String implementation, Process process, int port, Path workDir, Path logFile,
      Thread shutdownHook) {
    this.name = name;
    this.implementation = implementation;
    this.process = process;
    this.port = port;
    this.workDir = workDir;
    this.logFile = logFile;
    this.shutdownHook = shutdownHook;
  }

  /** The command of a {@code launch:} target, split into arguments; {@code {port}} must appear. */
  static List<String> command(String spec, int port) {
    String text = spec.substring(PREFIX.length()).trim();
    if (!text.contains("{port}")) {
      throw new IllegalArgumentException("target '" + spec + "' must say where the port goes with {port}, "
          + "e.g. launch:./my-server --host 127.0.0.1 --port {port}");
    }
    return Arrays.stream(text.split("\\s+")).map(a -> a.replace("{port}", Integer.toString(port))).toList();
  }

  /**
   * The command line of a server the TCK launches: {@code port} is the free 127.0.0.1 port it must
   * serve Spark Connect on, {@code workDir} a fresh folder it runs in (deleted when it stops).
   */
  @FunctionalInterface
  public interface CommandLine {
    List<String> at(int port, Path workDir);
  }

  public static LaunchedTarget start(String spec) {
    command(spec, 0); // checks the form before anything starts
    return start(spec, "server launched by: " + spec.substring(PREFIX.length()).trim(), (port, dir) -> command(spec, port));
  }

  /**
   * Starts a server program (for target kinds that install their server and know its command line)
   * and waits until it answers.
   *
   * @param name the target's name on the command line
   * @param implementation what is under test, for reports
   */
  public static LaunchedTarget start(String name, String implementation, CommandLine commandLine) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("cclr-launched-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a working folder for " + name, e);
    }
    Path logFile = workDir.resolve("server.log");
    int port = LocalServerProcesses.freePort();
    List<String> command = commandLine.at(port, workDir);
    Process process;
    try {
      Files.writeString(logFile, "# " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
      process = new ProcessBuilder(LocalServerProcesses.watched(ProcessHandle.current().pid(), command)).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    } catch (IOException e) {
      LocalServerProcesses.deleteRecursively(workDir);
      throw new UncheckedIOException("cannot start " + command.get(0) + " for target " + name, e);
    }
    Thread hook = new Thread(() -> ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(5)), "cclr-launched-killer");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      LocalServerProcesses.awaitReady(process, ConnectUri.local(port), STARTUP_TIMEOUT, session -> {
        try {
          session.sparkVersion();
        } catch (RemoteErrorException e) {
          Status.Code code = e.error().code();
          if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
            throw e; // not up yet
          }
          // Any other answer means the server is up, even if it does not implement spark_version.
        }
      });
    } catch (RuntimeException e) {
      String tail = LocalServerProcesses.logTail(logFile);
      LocalServerProcesses.stop(process, hook, workDir);
      throw new IllegalStateException("target " + name + " did not start: " + e.getMessage()
          + "\n--- end of its log ---\n" + tail, e);
    }
    return new LaunchedTarget(name, implementation, process, port, workDir, logFile, hook);
  }

  /**
   * Checks that the started process tree listens on 127.0.0.1 only (for servers whose bind address
   * the TCK cannot set directly); if not, stops it and says where it listened.
   *
   * @return this target, for chaining after {@link #start}
   * @throws IllegalStateException when it listens on any other address
   */
  public LaunchedTarget requireLoopbackOnly() {
    List<java.net.InetSocketAddress> beyond;
    try {
      beyond = ListeningSockets.elsewhereThan127001(process.toHandle());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (!beyond.isEmpty()) {
      close();
      throw new IllegalStateException("target " + name + " listened beyond 127.0.0.1, on " + beyond
          + "; it was stopped: the TCK runs servers on loopback only");
    }
    return this;
  }

  /** The started process (under its watchdog), whose tree holds the server. */
  public ProcessHandle processHandle() { return process.toHandle(); }

  @Override
  public String implementation() { return implementation; }

  @Override
  public String name() { return name; }

  @Override
  public ConnectUri uri() { return ConnectUri.local(port); }

  @Override
  public Optional<String> processEnded() {
    if (process.isAlive()) {
      return Optional.empty();
    }
    return Optional.of("the server process (pid " + process.pid() + ") exited with code " + process.exitValue()
        + "\n--- end of its log ---\n" + LocalServerProcesses.logTail(logFile));
  }

  @Override
  public void close() { LocalServerProcesses.stop(process, shutdownHook, workDir); }
}
