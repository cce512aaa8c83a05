package dev.cclr.tck.spark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.spark.ClasspathWithOptionalExtras;
import dev.cclr.tck.spark.LocalServerProcesses;
import dev.cclr.tck.spark.MavenJars;
import dev.cclr.tck.spark.SparkExtra;
import dev.cclr.tck.spark.SparkServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark Connect server whose driver submits to a {@link StandaloneCluster} of its own
 * ({@code spark.master=spark://127.0.0.1:P}), so that jobs run in executor JVMs started by the
 * workers, not in the driver. {@link #start} returns once the Connect server answers and every
 * worker's executor has registered with the driver; {@link #close()} ends the driver, the workers,
 * their executors and the master.
 *
 * <p>The driver's web UI is on (bound to 127.0.0.1 through SPARK_LOCAL_IP, on a port Spark picks):
 * its REST API lists the executors and the tasks each ran ({@link #executors()}), which is how a
 * run shows that executors, not the driver, did the work.
 */
public final class SparkClusterServer implements AutoCloseable {
  public static final int WORKERS = 2;

  private static final Pattern UI_BOUND = Pattern.compile("Successfully started service 'SparkUI' on port (\\d+)");

  private final StandaloneCluster cluster;
  private final SparkServerProcess driver;
  private final int uiPort;

  /** One executor as the driver lists it ({@code /api/v1/applications/<app>/executors}); the driver's id is "driver". */
  public record Executor(String id, String hostPort, int totalTasks, int failedTasks) {
    public boolean isDriver() {
      return id.equals("driver");
    }
  }

  private SparkClusterServer(StandaloneCluster cluster, SparkServerProcess driver, int uiPort) {
    this.cluster = cluster;
    this.driver = driver;
    this.uiPort = uiPort;
  }

  /**
   * @param authToken the bearer token the Connect server requires
   * @throws dev.cclr.tck.spark.JarResolutionException if Spark's core jars do not resolve
   * @throws IllegalStateException if a process does not start; the message holds its log's end
   */
  public static SparkClusterServer start(String version, String authToken, Duration timeout) {
    ClasspathWithOptionalExtras.Resolved<SparkExtra> classpath;
    try (MavenJars jars = MavenJars.fromMavenCentral()) {
      classpath = SparkServerProcess.resolveClasspath(jars, version);
    }
    StandaloneCluster cluster = StandaloneCluster.start(version, classpath.jars(), WORKERS, timeout);
    SparkServerProcess driver = null;
    try {
      SparkServerProcess.Builder builder = SparkServerProcess.builder(version)
          .classpath(classpath)
          .authToken(authToken)
          .startupTimeout(timeout)
          .conf("spark.master", cluster.masterUrl())
          .conf("spark.ui.enabled", "true")
          .conf("spark.ui.port", "0")
          .conf("spark.executor.memory", "1g")
          .conf("spark.executor.cores", "1")
          .conf("spark.cores.max", Integer.toString(WORKERS));
      cluster.environment().forEach(builder::environment);
      driver = builder.start();
      SparkClusterServer server = new SparkClusterServer(cluster, driver, uiPort(driver.logFile(), timeout));
      server.awaitExecutors(Instant.now().plus(timeout));
      return server;
    } catch (RuntimeException e) {
      if (driver != null) {
        driver.close();
      }
      cluster.close();
      throw e;
    }
  }

  public String version() {
    return driver.version();
  }

  public ConnectUri connectUri() {
    return driver.connectUri();
  }

  public SparkServerProcess driver() {
    return driver;
  }

  public StandaloneCluster cluster() {
    return cluster;
  }

  /** The driver's web UI port on 127.0.0.1. */
  public int uiPort() {
    return uiPort;
  }

  /** The executors of the driver's application, the driver included, with their task counts. */
  public List<Executor> executors() {
    JsonNode apps = StandaloneCluster.getJson(URI.create("http://127.0.0.1:" + uiPort + "/api/v1/applications"));
    String app = apps.path(0).path("id").asText();
    List<Executor> out = new ArrayList<>();
    for (JsonNode e : StandaloneCluster.getJson(
        URI.create("http://127.0.0.1:" + uiPort + "/api/v1/applications/" + app + "/executors"))) {
      out.add(new Executor(e.path("id").asText(), e.path("hostPort").asText(), e.path("totalTasks").asInt(),
          e.path("failedTasks").asInt()));
    }
    return out;
  }

  /** Every pid of the server: the driver, the master, the workers and the executors. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>(cluster.pids());
    pids.add(driver.pid());
    return pids;
  }

  /** Why the server is broken, if the driver or a cluster member is gone. */
  public Optional<String> processEnded() {
    if (!driver.isAlive()) {
      return Optional.of("the Spark Connect driver (pid " + driver.pid() + ") is gone; its log: " + driver.logFile());
    }
    return cluster.memberEnded();
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      cluster.close();
    }
  }

  private void awaitExecutors(Instant deadline) {
    long registered = 0;
    while (Instant.now().isBefore(deadline)) {
      processEnded().ifPresent(why -> {
        throw new IllegalStateException(why);
      });
      try {
        registered = executors().stream().filter(e -> !e.isDriver()).count();
      } catch (UncheckedIOException e) {
        registered = 0;
      }
      if (registered >= WORKERS) {
        return;
      }
      sleep();
    }
    StringBuilder logs = new StringBuilder();
    for (Path log : cluster.executorLogs()) {
      logs.append("\n--- end of ").append(log).append(" ---\n").append(LocalServerProcesses.logTail(log));
    }
    throw new IllegalStateException("only " + registered + " of " + WORKERS
        + " executors registered with the Spark Connect driver in time\n--- end of " + driver.logFile() + " ---\n"
        + LocalServerProcesses.logTail(driver.logFile()) + logs);
  }

  /** The port Spark chose for the driver's UI (spark.ui.port=0), from the line its log has for it. */
  private static int uiPort(Path driverLog, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        Matcher m = UI_BOUND.matcher(Files.readString(driverLog, StandardCharsets.UTF_8));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + driverLog, e);
      }
      sleep();
    }
    throw new IllegalStateException("the Spark Connect driver's log never said where its web UI is (\"Successfully started service 'SparkUI'\")"
        + "\n--- end of " + driverLog + " ---\n" + LocalServerProcesses.logTail(driverLog));
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the Spark cluster", e);
    }
  }
}
