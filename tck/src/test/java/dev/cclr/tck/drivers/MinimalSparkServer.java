package dev.cclr.tck.drivers;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark Connect server in a child JVM, bound to 127.0.0.1, for the end-to-end tests.
 *
 * <p><b>TEMPORARY: replace with {@code dev.cclr.tck.spark.SparkServerProcess}</b> (the harness)
 * when it is merged. Only {@link #start}, {@link #sparkRemote()} and {@link #close()} are used.
 *
 * <p>Server jars are {@code spark-connect_2.13} plus {@code spark-sql_2.13}, resolved apart from
 * any client (the shaded client on the same classpath breaks the server). spark-mllib is left out
 * because Maven Central here has none for 4.2.0; the only effect is that ReleaseSession fails.
 */
final class MinimalSparkServer implements AutoCloseable {

  private static final String STARTED = "Spark Connect server started at";
  private static final int PORT_LOW = 16400;
  private static final int PORT_HIGH = 16499;

  private final Process process;
  private final int port;
  private final Path log;

  private MinimalSparkServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static MinimalSparkServer start(String version, Path workDir, Duration startTimeout)
      throws IOException, InterruptedException {
    List<Path> classpath = ClientClasspath.resolve(List.of(
        "org.apache.spark:spark-connect_2.13:" + version, "org.apache.spark:spark-sql_2.13:" + version));
    Files.createDirectories(workDir);
    int port = freePort();
    Path log = workDir.resolve("spark-" + version + "-" + port + ".log");

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx2g");
    cmd.addAll(SparkJavaOptions.MODULE_OPTIONS);
    cmd.addAll(List.of(
        "-Dspark.master=local[2]",
        "-Dspark.ui.enabled=false",
        "-Dspark.connect.grpc.binding.address=127.0.0.1",
        "-Dspark.connect.grpc.binding.port=" + port,
        "-Dspark.driver.host=127.0.0.1",
        "-Dspark.driver.bindAddress=127.0.0.1",
        "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()),
        "org.apache.spark.sql.connect.service.SparkConnectServer"));
    Process p = new ProcessBuilder(cmd)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    MinimalSparkServer server = new MinimalSparkServer(p, port, log);
    try {
      server.awaitStarted(startTimeout);
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  String sparkRemote() {
    return "sc://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  private void awaitStarted(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(STARTED)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Spark server exited with " + process.exitValue() + " before it started; see " + log);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Spark server did not start within " + timeout + "; see " + log);
  }

  // Other engineers start servers in the same range; a random start makes collisions unlikely,
  // and a collision shows up as a failed start, not as a wrong server.
  private static int freePort() throws IOException {
    int span = PORT_HIGH - PORT_LOW + 1;
    int offset = ThreadLocalRandom.current().nextInt(span);
    for (int i = 0; i < span; i++) {
      int port = PORT_LOW + (offset + i) % span;
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        return port;
      } catch (IOException busy) {
        // try the next one
      }
    }
    throw new IOException("no free port in " + PORT_LOW + ".." + PORT_HIGH);
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
