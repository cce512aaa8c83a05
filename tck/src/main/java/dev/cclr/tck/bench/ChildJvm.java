package dev.cclr.tck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the bench runs in a child JVM of its own classpath (the TCK jar, which contains the
 * reference server), so that its resident memory is its own and can be read from /proc. Its
 * output goes to a log file; {@link #start} returns once a line of the log names the port.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final Thread killer;
  private final List<String> command;

  private ChildJvm(Process process, int port, Path log, Thread killer, List<String> command) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.killer = killer;
    this.command = command;
  }

  static ChildJvm start(List<String> jvmArgs, String mainClass, List<String> args, Pattern portLine,
      Path log, Duration timeout) {
    return start(System.getProperty("java.class.path"), jvmArgs, mainClass, args, portLine, log, timeout);
  }

  /** As above, with {@code mainClass} taken from the given class path instead of the bench's own. */
  static ChildJvm start(String classPath, List<String> jvmArgs, String mainClass, List<String> args,
      Pattern portLine, Path log, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    Process process;
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainClass, e);
    }
    Thread killer = new Thread(() -> stop(process), "cclr-bench-child-killer");
    Runtime.getRuntime().addShutdownHook(killer);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = portLine.matcher(text);
        if (m.find()) {
          return new ChildJvm(process, Integer.parseInt(m.group(1)), log, killer, command);
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      stop(process);
      Runtime.getRuntime().removeShutdownHook(killer);
      throw new IllegalStateException(mainClass + " did not start (see " + log + "):\n" + tail(text));
    } catch (IOException e) {
      stop(process);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  List<String> command() {
    return command;
  }

  private static String tail(String text) {
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }

  private static void stop(Process process) {
    process.destroy(); // SIGTERM: the reference server deletes its spill files
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException ignored) {
      // Already shutting down.
    }
  }

  /** Peak resident set (VmHWM) of a live process in bytes, from /proc; empty where there is no /proc. */
  static OptionalLong peakRss(long pid) {
    return procStatus(pid, "VmHWM:");
  }

  /** Current resident set (VmRSS) in bytes. */
  static OptionalLong currentRss(long pid) {
    return procStatus(pid, "VmRSS:");
  }

  private static OptionalLong procStatus(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key)) {
          String[] parts = line.substring(key.length()).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc (not Linux) or the process is gone.
    }
    return OptionalLong.empty();
  }
}
