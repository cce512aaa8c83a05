package dev.cclr.tck.spark;

import dev.cclr.tck.spark.watchdog.ParentWatchdogMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line of a Spark JVM the TCK starts (a Connect server, a standalone master or worker):
 * this JVM's java, the heap, Spark's module options for the release, a private temporary folder,
 * Spark confs as {@code -D} properties, and the main class behind {@link ParentWatchdogMain}, so that
 * the child ends when the JVM that started it dies, even by SIGKILL.
 */
public final class SparkJvmCommand {
  private SparkJvmCommand() {}

  /**
   * @param workDir the child's own folder: its temporary folder and the watchdog's class go there
   * @param confs Spark confs, each passed as {@code -D<key>=<value>}
   */
  public static List<String> of(String sparkVersion, String heap, Path workDir, List<String> jvmArgs,
      Map<String, String> confs, List<Path> classpath, String mainClass, List<String> args) {
    Path watchdogClasses = workDir.resolve("watchdog-classes");
    copyWatchdog(watchdogClasses);
    try {
      Files.createDirectories(workDir.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + workDir.resolve("tmp"), e);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(SparkJvmOptions.forVersion(sparkVersion));
    command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
    command.add("-Dcclr.parent.pid=" + ProcessHandle.current().pid());
    command.addAll(jvmArgs);
    confs.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(Stream.concat(Stream.of(watchdogClasses), classpath.stream())
        .map(Path::toString)
        .collect(Collectors.joining(java.io.File.pathSeparator)));
    command.add(ParentWatchdogMain.class.getName());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** Puts the watchdog class, alone, under classesDir (package-private for its test). */
  static void copyWatchdog(Path classesDir) {
    String resource = ParentWatchdogMain.class.getName().replace('.', '/') + ".class";
    Path target = classesDir.resolve(resource);
    if (Files.exists(target)) {
      return; // a retry in the same folder
    }
    try (InputStream in = ParentWatchdogMain.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cannot find " + resource + " on the classpath");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the watchdog class to " + target, e);
    }
  }

  /** The command for a log file's first line: secrets hidden, very long arguments (the classpath) cut. */
  public static List<String> redacted(List<String> command) {
    return command.stream()
        .map(a -> a.startsWith("-Dspark.connect.authenticate.token=")
            ? "-Dspark.connect.authenticate.token=***" : a)
        .map(a -> a.length() > 300 ? a.substring(0, 300) + "...(" + a.length() + " chars)" : a)
        .toList();
  }
}
