package dev.cclr.tck.drivers;

import dev.cclr.tck.spark.SparkJvmOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Spark JVM driver in a child JVM and returns its parsed result.
 *
 * <p>The child's classpath is the resolved Spark client plus the driver jar, and nothing of ours:
 * Spark's shaded client carries classes that clash with the kit's. The server it talks to comes
 * from {@code SPARK_REMOTE}, as in the driver contract.
 *
 * <p>Fails closed: a timeout, a non-zero exit or a missing or malformed result file is a
 * {@link DriverProcessException}, never an empty or default result.
 */
public final class SparkJvmDriverProcess {

  static final String DRIVER_MAIN = "dev.cclr.driver.sparkjvm.SparkJvmDriver";
  /** The parity driver's main (fixtures/parity/jvm-scenarios.json), for {@link #runForResultFile}. */
  public static final String PARITY_MAIN = "dev.cclr.driver.sparkjvm.ParityDriver";

  private final List<Path> classpath;
  private final String clientVersion;
  private final String sparkRemote;
  private final List<String> args;
  private final Path workDir;
  private final Duration timeout;
  private final String maxHeap;
  private final String mainClass;

  private SparkJvmDriverProcess(Builder b) {
    this.classpath = List.copyOf(b.classpath);
    this.clientVersion = Objects.requireNonNull(b.clientVersion, "clientVersion");
    this.sparkRemote = Objects.requireNonNull(b.sparkRemote, "sparkRemote");
    this.args = List.copyOf(b.args);
    this.workDir = Objects.requireNonNull(b.workDir, "workDir");
    this.timeout = Objects.requireNonNull(b.timeout, "timeout");
    this.maxHeap = b.maxHeap;
    this.mainClass = b.mainClass;
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("empty classpath");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the driver to completion. The result file is {@code workDir/result.json}. */
  public DriverRun run() throws IOException, InterruptedException {
    Finished f = execute();
    DriverResult parsed;
    try {
      parsed = DriverResult.parse(Files.readString(f.result(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new DriverProcessException("malformed result file " + f.result() + ": " + e.getMessage(), e);
    }
    return new DriverRun(parsed, 0, f.wall(), f.result(), f.stdout(), f.stderr());
  }

  /**
   * Runs a driver main whose result file is not the scenario driver's format (e.g. the parity
   * driver, see {@link Builder#mainClass}) and returns the file, unread. Fails the same way as
   * {@link #run}: timeout, non-zero exit or no result file.
   */
  public Path runForResultFile() throws IOException, InterruptedException {
    return execute().result();
  }

  private record Finished(Path result, Path stdout, Path stderr, Duration wall) {}

  private Finished execute() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path result = workDir.resolve("result.json");
    Path stdout = workDir.resolve("stdout.txt");
    Path stderr = workDir.resolve("stderr.txt");
    Files.deleteIfExists(result);

    List<String> command = command(result);
    Files.writeString(workDir.resolve("command.txt"), String.join("\n", command) + "\n", StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    pb.environment().put("SPARK_REMOTE", sparkRemote);

    long start = System.nanoTime();
    Process process = pb.start();
    boolean exited;
    try {
      exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (process.isAlive()) {
        kill(process);
      }
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    if (!exited) {
      throw new DriverProcessException("driver timed out after " + timeout + " (" + args + ")"
          + diagnostics(stderr));
    }
    int exit = process.exitValue();
    if (exit != 0) {
      throw new DriverProcessException("driver exited with status " + exit + " (" + args + ")"
          + diagnostics(stderr));
    }
    if (!Files.isRegularFile(result)) {
      throw new DriverProcessException("driver exited 0 but wrote no result file " + result + diagnostics(stderr));
    }
    return new Finished(result, stdout, stderr, wall);
  }

  List<String> command(Path resultFile) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + maxHeap);
    // The client needs Spark's module opens too, not just the server: its Arrow code needs
    // java.nio, and collecting dates or timestamps reaches into sun.util.calendar.
    cmd.addAll(SparkJvmOptions.forVersion(clientVersion));
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    cmd.add(mainClass);
    cmd.addAll(args);
    cmd.add("--result");
    cmd.add(resultFile.toString());
    return cmd;
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private static String diagnostics(Path stderr) {
    try {
      List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 30), lines.size());
      return "\n--- last lines of " + stderr + " ---\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "\n(no stderr: " + e.getMessage() + ")";
    }
  }

  /** Settings of one driver run. */
  public static final class Builder {
    private final List<Path> classpath = new ArrayList<>();
    private String clientVersion;
    private String sparkRemote;
    private final List<String> args = new ArrayList<>();
    private Path workDir;
    private Duration timeout = Duration.ofMinutes(5);
    private String maxHeap = "1g";
    private String mainClass = DRIVER_MAIN;

    private Builder() {}

    /**
     * The resolved classpath of {@code spark-connect-client-jvm_2.13} of the given version (see
     * {@code MavenJars}); call {@link #driverJar} as well. The version picks the JVM options.
     */
    public Builder client(String version, List<Path> entries) {
      this.clientVersion = version;
      classpath.addAll(entries);
      return this;
    }

    public Builder driverJar(Path driver) {
      classpath.add(driver);
      return this;
    }

    /** The server, e.g. {@code sc://127.0.0.1:15002}, handed over as {@code SPARK_REMOTE}. */
    public Builder sparkRemote(String remote) {
      this.sparkRemote = remote;
      return this;
    }

    /** Scenario name and options, without {@code --result}, which the launcher adds. */
    public Builder args(List<String> scenarioAndOptions) {
      args.addAll(scenarioAndOptions);
      return this;
    }

    /** Directory for the result, the captured output and the command line. */
    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    public Builder timeout(Duration t) {
      this.timeout = t;
      return this;
    }

    public Builder maxHeap(String heap) {
      this.maxHeap = heap;
      return this;
    }

    /**
     * Another main of the driver jar than the scenario driver (e.g. {@code
     * dev.cclr.driver.sparkjvm.ParityDriver}, run with {@link #runForResultFile}); tests of the
     * launcher itself substitute a fake driver.
     */
    public Builder mainClass(String name) {
      this.mainClass = name;
      return this;
    }

    public SparkJvmDriverProcess build() {
      return new SparkJvmDriverProcess(this);
    }
  }
}
