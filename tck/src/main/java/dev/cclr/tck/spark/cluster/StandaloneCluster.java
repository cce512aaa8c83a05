package dev.cclr.tck.spark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.spark.LocalServerProcesses;
import dev.cclr.tck.spark.ProcessTrees;
import dev.cclr.tck.spark.SparkJvmCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and {@code n} workers, each a child JVM run
 * from Maven Central jars behind the kit's parent watchdog. Every listener is on the loopback: the
 * RPC ports by {@code --host 127.0.0.1}, the web UIs by {@code SPARK_LOCAL_IP} (Spark's web UI binds
 * to that variable, else to every address), and the master's REST submission server is off.
 *
 * <p>Workers start executors through Spark's launcher library, which needs {@code SPARK_HOME}
 * ({@link SparkHome}) and {@code SPARK_SCALA_VERSION} (without it the launcher looks for a source
 * build and fails with "Cannot find any build directories"). Executors are children of their
 * worker and end with it: {@link #close()} ends each process tree, and a worker ended by its
 * watchdog kills its executors in its shutdown hook (an executor whose worker vanishes exits too).
 */
public final class StandaloneCluster implements AutoCloseable {
  public static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  public static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";

  private static final System.Logger LOG = System.getLogger(StandaloneCluster.class.getName());
  private static final int MASTER_ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String version;
  private final Path workDir;
  private final Map<String, String> environment;
  private final List<Member> members = new ArrayList<>();
  private final Thread shutdownHook;
  private int masterPort;
  private int masterUiPort;

  /** One process of the cluster, with its log. */
  public record Member(String role, Process process, Path logFile) {}

  private StandaloneCluster(String version, Path workDir, Path sparkHome) {
    this.version = version;
    this.workDir = workDir;
    this.environment = Map.of(
        "SPARK_HOME", sparkHome.toString(),
        "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_SCALA_VERSION", "2.13");
    this.shutdownHook = new Thread(this::destroyAll, "cclr-spark-cluster-killer");
  }

  /**
   * Starts the master and the workers and waits until the master lists every worker as ALIVE.
   *
   * @param classpath the Spark jars (the Connect server's classpath), also linked into SPARK_HOME
   * @throws IllegalStateException if a process exits or the workers do not register in time; the
   *     message holds the end of the log of the process at fault
   */
  public static StandaloneCluster start(String version, List<Path> classpath, int workers, Duration timeout) {
    Path sparkHome = SparkHome.prepare(version, classpath);
    Path workDir;
    try {
      workDir = Files.createTempDirectory("cclr-spark-cluster-" + version + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the cluster's working folder", e);
    }
    StandaloneCluster cluster = new StandaloneCluster(version, workDir, sparkHome);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      Instant deadline = Instant.now().plus(timeout);
      cluster.startMaster(classpath, deadline);
      for (int i = 1; i <= workers; i++) {
        cluster.startWorker(i, classpath);
      }
      cluster.awaitWorkers(workers, deadline);
      LOG.log(System.Logger.Level.INFO, "Spark {0} standalone cluster ready: {1}, {2} workers, in {3}",
          version, cluster.masterUrl(), String.valueOf(workers), workDir);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:<port>}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The master's web UI port (its JSON state is at {@code /json/}). */
  public int masterUiPort() {
    return masterUiPort;
  }

  /** The environment a driver of this cluster needs too (SPARK_LOCAL_IP for its web UI). */
  public Map<String, String> environment() {
    return environment;
  }

  public List<Member> members() {
    return List.copyOf(members);
  }

  /** Every pid of the cluster: master, workers and the executors they started. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    for (Member m : members) {
      pids.add(m.process().pid());
      m.process().descendants().forEach(h -> pids.add(h.pid()));
    }
    return pids;
  }

  /** Why the cluster is broken, if a member is gone ("worker-2 (pid 123) exited with code 1; its log: ..."). */
  public Optional<String> memberEnded() {
    for (Member m : members) {
      if (!m.process().isAlive()) {
        return Optional.of(m.role() + " (pid " + m.process().pid() + ") exited with code " + m.process().exitValue()
            + "; its log: " + m.logFile());
      }
    }
    return Optional.empty();
  }

  /** The master's state, {@code GET /json/} on its web UI. */
  public JsonNode masterState() {
    return getJson(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"));
  }

  /** The executors' stderr files the workers wrote (work/app-id/executor-id/stderr), for error messages. */
  public List<Path> executorLogs() {
    try (var paths = Files.walk(workDir)) {
      return paths.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Ends every process of the cluster (with its executors) and removes the working folder. */
  @Override
  public void close() {
    destroyAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down and the hook is running or has run.
    }
    LocalServerProcesses.deleteRecursively(workDir);
  }

  private void destroyAll() {
    // Workers first, so that no worker asks the master for anything while it goes.
    for (int i = members.size() - 1; i >= 0; i--) {
      ProcessTrees.destroy(members.get(i).process().toHandle(), Duration.ofSeconds(10));
    }
  }

  private void startMaster(List<Path> classpath, Instant deadline) {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= MASTER_ATTEMPTS; attempt++) {
      masterPort = LocalServerProcesses.freePort();
      masterUiPort = LocalServerProcesses.freePort();
      Member master = spawn("master", classpath, StandaloneCluster.MASTER_CLASS, List.of(
          "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)));
      try {
        awaitMaster(master, deadline);
        members.add(master);
        return;
      } catch (IllegalStateException e) {
        ProcessTrees.destroy(master.process().toHandle(), Duration.ofSeconds(5));
        last = e;
        // With spark.port.maxRetries=0 a port taken since freePort() ends the master: try other ports.
        if (!LocalServerProcesses.logTail(master.logFile()).contains("Address already in use")) {
          throw e;
        }
      }
    }
    throw last;
  }

  private void awaitMaster(Member master, Instant deadline) {
    while (Instant.now().isBefore(deadline)) {
      ensureAlive(master);
      try {
        if ("ALIVE".equals(masterState().path("status").asText())) {
          return;
        }
      } catch (UncheckedIOException e) {
        // Not listening yet.
      }
      pause();
    }
    throw new IllegalStateException("the Spark master did not become ALIVE in time\n--- end of " + master.logFile()
        + " ---\n" + LocalServerProcesses.logTail(master.logFile()));
  }

  private void startWorker(int n, List<Path> classpath) {
    Path dir = workDir.resolve("worker-" + n);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Port 0: the worker binds a free port itself (127.0.0.1 by --host) and tells the master.
    members.add(spawn("worker-" + n, classpath, WORKER_CLASS, List.of(
        "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
        "--work-dir", dir.resolve("work").toString(), masterUrl())));
  }

  private void awaitWorkers(int expected, Instant deadline) {
    long alive = 0;
    while (Instant.now().isBefore(deadline)) {
      members.forEach(this::ensureAlive);
      alive = 0;
      for (JsonNode w : masterState().path("workers")) {
        if ("ALIVE".equals(w.path("state").asText())) {
          alive++;
        }
      }
      if (alive >= expected) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("only " + alive + " of " + expected + " Spark workers registered in time\n--- end of "
        + members.get(members.size() - 1).logFile() + " ---\n" + LocalServerProcesses.logTail(members.get(members.size() - 1).logFile()));
  }

  private void ensureAlive(Member m) {
    if (!m.process().isAlive()) {
      throw new IllegalStateException("the Spark " + m.role() + " exited with code " + m.process().exitValue()
          + "\n--- end of " + m.logFile() + " ---\n" + LocalServerProcesses.logTail(m.logFile()));
    }
  }

  private Member spawn(String role, List<Path> classpath, String mainClass, List<String> args) {
    Path dir = workDir.resolve(role);
    Path log = workDir.resolve(role + ".log");
    Map<String, String> confs = new LinkedHashMap<>();
    confs.put("spark.master.rest.enabled", "false"); // its submission server would listen on 6066
    confs.put("spark.port.maxRetries", "0"); // a taken port is an error, not silently the next one
    List<String> command = SparkJvmCommand.of(version, "512m", dir, List.of(), confs, classpath, mainClass, args);
    try {
      Files.writeString(log, "# " + String.join(" ", SparkJvmCommand.redacted(command)) + "\n", StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      return new Member(role, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Spark " + role, e);
    }
  }

  static JsonNode getJson(URI uri) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new UncheckedIOException(new IOException("GET " + uri + " answered " + response.statusCode()));
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + uri, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the Spark cluster", e);
    }
  }
}
