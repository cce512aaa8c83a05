package dev.cclr.tck.spark;

import dev.cclr.tck.client.ConnectOptions;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.client.RemoteErrorException;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What every Spark Connect server the TCK starts as a child process needs, whatever it is (Spark
 * in a JVM, Sail in Python): a free loopback port, a readiness wait by a real Spark Connect call,
 * the tail of its log for error messages, and removal of its working folder.
 */
public final class LocalServerProcesses {
  private static final System.Logger LOG = System.getLogger(LocalServerProcesses.class.getName());

  private LocalServerProcesses() {}

  /**
   * {@code $1} the parent pid, the rest the server's command. Exits with the server's exit code.
   * The loop also ends when the server exits by itself, so a failed start is seen at once.
   */
  private static final String WATCHDOG = "parent=$1; shift; \"$@\" & child=$!; "
      + "trap 'kill -TERM $child 2>/dev/null' TERM INT; "
      + "while kill -0 \"$parent\" 2>/dev/null && kill -0 \"$child\" 2>/dev/null; do sleep 1; done; "
      + "kill -TERM \"$child\" 2>/dev/null; wait \"$child\"";

  /**
   * The command that runs a native server {@code command} under a small bash loop that polls the
   * pid of the JVM that started it and ends the server within a second or so once that JVM is
   * gone, even by SIGKILL (which skips the shutdown hook): a native server has no JVM watchdog of
   * its own, and a test JVM killed by a timeout must not leave one listening.
   */
  public static List<String> watched(long parentPid, List<String> command) {
    List<String> out = new java.util.ArrayList<>(List.of("bash", "-c", WATCHDOG, "cclr-server-watchdog", Long.toString(parentPid)));
    out.addAll(command);
    return out;
  }

  /** A port on 127.0.0.1 that was free a moment ago (the caller retries if another process takes it). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }

  /**
   * Calls {@code probe} on a fresh session until it returns, the process dies, or {@code timeout}
   * passes. Only UNAVAILABLE and DEADLINE_EXCEEDED mean "not yet"; any other answer of the server
   * (or an exception of the probe itself) ends the wait with an error.
   */
  public static void awaitReady(Process process, ConnectUri uri, Duration timeout, Consumer<ConnectSession> probe) {
    ConnectOptions options = ConnectOptions.defaults().withCallTimeout(Duration.ofSeconds(10));
    Instant deadline = Instant.now().plus(timeout);
    String lastProblem = "no attempt yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with code " + process.exitValue());
      }
      // A fresh channel per attempt: a channel that failed to connect backs off for seconds.
      try (ConnectSession session = ConnectSession.open(uri, options)) {
        probe.accept(session);
        return;
      } catch (RemoteErrorException e) {
        Status.Code code = e.error().code();
        if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED) {
          throw new IllegalStateException("the server answered the readiness probe with " + e.error().summary(), e);
        }
        lastProblem = e.error().summary();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the server on " + uri, e);
      }
    }
    throw new IllegalStateException("no answer within " + timeout + " (last probe: " + lastProblem + ")");
  }

  /** The last 40 lines of a server's log, for error messages. */
  public static String logTail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Kills the server and its children (SIGTERM, then SIGKILL after a grace period), drops the
   * shutdown hook that would have done it, and removes the working folder.
   */
  public static void stop(Process process, Thread shutdownHook, Path workDir) {
    ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(10));
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is running or has run.
    }
    deleteRecursively(workDir);
  }

  /** Best effort: a server's working folder; what cannot be deleted is logged, not thrown. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete " + dir, e);
    }
  }
}
