package dev.cclr.tck.spark;

import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real Apache Spark Connect server of a given release, run from Maven Central jars in a child
 * JVM bound to 127.0.0.1 on a free port. {@link #start()} returns once the server answers a Spark
 * Connect call (AnalyzePlan spark_version, which also proves the version is the one asked for);
 * {@link #close()} kills the process tree and deletes its working directory. A shutdown hook and a
 * watchdog in the child make sure the server dies with the JVM that started it.
 *
 * <p>The server classpath is {@code spark-connect_2.13} plus {@code spark-sql_2.13} (the connect
 * module declares Spark's core, SQL and MLlib as provided). {@code spark-mllib_2.13} is an {@link
 * SparkExtra optional extra}, resolved by trial: the classpath takes it when it resolves whole, and
 * otherwise the server runs without it (a WARNING in the log names what was missing) and
 * ReleaseSession fails on it, see {@link #hasMllib()}. The core artifacts must resolve.
 *
 * <pre>{@code
 * try (SparkServerProcess spark = SparkServerProcess.builder("4.2.0").start();
 *     ConnectSession session = ConnectSession.open(spark.connectUri())) {
 *   session.configGet("spark.sql.session.timeZone");
 * }
 * }</pre>
 */
public final class SparkServerProcess implements AutoCloseable {
  public static final String MAIN_CLASS = "org.apache.spark.sql.connect.service.SparkConnectServer";

  private static final System.Logger LOG = System.getLogger(SparkServerProcess.class.getName());
  private static final int BIND_ATTEMPTS = 3;

  private final String version;
  private final Process process;
  private final int port;
  private final Path logFile;
  private final Path workDir;
  private final Optional<String> authToken;
  private final Set<SparkExtra> extras;
  private final Duration startupTime;
  private final Thread shutdownHook;

  private SparkServerProcess(
      Builder builder, Process process, int port, Path workDir, Set<SparkExtra> extras, Duration startupTime,
      Thread shutdownHook) {
    this.version = builder.version;
    this.process = process;
    this.port = port;
    this.logFile = builder.logFile;
    this.workDir = workDir;
    this.authToken = builder.authToken;
    this.extras = Set.copyOf(extras);
    this.startupTime = startupTime;
    this.shutdownHook = shutdownHook;
  }

  public static Builder builder(String sparkVersion) {
    return new Builder(sparkVersion);
  }

  public String version() {
    return version;
  }

  public int port() {
    return port;
  }

  /** {@code sc://127.0.0.1:<port>/}, with the token if the server requires one. */
  public ConnectUri connectUri() {
    ConnectUri uri = ConnectUri.local(port);
    return authToken.map(uri::withToken).orElse(uri);
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether spark-mllib resolved and is on the classpath; without it ReleaseSession fails on the server. */
  public boolean hasMllib() {
    return extras.contains(SparkExtra.MLLIB);
  }

  /** The optional extras that did not resolve, so the server runs without them. */
  public Set<SparkExtra> missingExtras() {
    Set<SparkExtra> missing = EnumSet.allOf(SparkExtra.class);
    missing.removeAll(extras);
    return missing;
  }

  /** From launching the JVM to the first successful Spark Connect call. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Kills the server and its children (SIGTERM, then SIGKILL after a grace period). */
  @Override
  public void close() {
    LocalServerProcesses.stop(process, shutdownHook, workDir);
  }

  @Override
  public String toString() {
    return "Spark " + version + " Connect server on 127.0.0.1:" + port + " (pid " + process.pid()
        + ", log " + logFile + ")";
  }

  /**
   * The server classpath of a Spark release: {@code spark-connect_2.13} and {@code spark-sql_2.13},
   * which must resolve, and the {@link SparkExtra optional extras} that resolve whole.
   *
   * @throws JarResolutionException if a core artifact does not resolve
   */
  public static ClasspathWithOptionalExtras.Resolved<SparkExtra> resolveClasspath(MavenJars resolver, String version) {
    Map<SparkExtra, String> extras = new LinkedHashMap<>();
    for (SparkExtra extra : SparkExtra.values()) {
      extras.put(extra, "org.apache.spark:" + extra.artifactId() + ":" + version);
    }
    Instant resolving = Instant.now();
    ClasspathWithOptionalExtras.Resolved<SparkExtra> classpath = ClasspathWithOptionalExtras.resolve(resolver,
        List.of("org.apache.spark:spark-connect_2.13:" + version, "org.apache.spark:spark-sql_2.13:" + version), extras);
    LOG.log(System.Logger.Level.INFO,
        "Spark {0} server classpath: {1} jars, optional extras present {2}, missing {3}, resolved in {4} ms",
        version, String.valueOf(classpath.jars().size()), classpath.present(), classpath.missing().keySet(),
        String.valueOf(Duration.between(resolving, Instant.now()).toMillis()));
    return classpath;
  }

  /** What to start. */
  public static final class Builder {
    private final String version;
    private final Map<String, String> confs = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private MavenJars jars;
    private Path logFile;
    private Duration startupTimeout = Duration.ofMinutes(3);
    private String heap = "2g";
    private Optional<String> authToken = Optional.empty();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private ClasspathWithOptionalExtras.Resolved<SparkExtra> classpath;

    private Builder(String version) {
      this.version = Objects.requireNonNull(version);
      SparkJvmOptions.atLeast(version, 4, 0); // validates the version's form early
    }

    /** A Spark conf, passed as {@code -D<key>=<value>}; overrides the defaults of this class. */
    public Builder conf(String key, String value) {
      if (!key.startsWith("spark.")) {
        throw new IllegalArgumentException("Spark only reads confs starting with 'spark.': " + key);
      }
      confs.put(key, value);
      return this;
    }

    public Builder confs(Map<String, String> values) {
      values.forEach(this::conf);
      return this;
    }

    /** An extra JVM option for the server, e.g. {@code -XX:+UseSerialGC}. */
    public Builder jvmArg(String arg) {
      jvmArgs.add(arg);
      return this;
    }

    /** Where stdout and stderr go; by default a file beside the server's temporary directory. */
    public Builder logFile(Path path) {
      this.logFile = path;
      return this;
    }

    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /** The server's -Xmx; 2g by default. */
    public Builder heap(String value) {
      this.heap = value;
      return this;
    }

    /** Require this bearer token from clients ({@code spark.connect.authenticate.token}). */
    public Builder authToken(String token) {
      this.authToken = Optional.of(token);
      return this;
    }

    /** An environment variable of the server process (e.g. SPARK_LOCAL_IP, which Spark's web UI binds to). */
    public Builder environment(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** A classpath resolved already ({@link #resolveClasspath}), so that start() does not resolve it again. */
    public Builder classpath(ClasspathWithOptionalExtras.Resolved<SparkExtra> value) {
      this.classpath = value;
      return this;
    }

    /** Where to resolve jars from; Maven Central and ~/.m2 by default. */
    public Builder jars(MavenJars value) {
      this.jars = value;
      return this;
    }

    /**
     * Resolves the jars, starts the server and waits until it answers.
     *
     * @throws JarResolutionException if Spark's jars cannot be resolved
     * @throws IllegalStateException if the server exits or does not answer in time; the message
     *     holds the end of its log
     */
    public SparkServerProcess start() {
      if (classpath != null) {
        return launch(classpath.jars(), classpath.present());
      }
      boolean ownJars = jars == null;
      MavenJars resolver = ownJars ? MavenJars.fromMavenCentral() : jars;
      try {
        ClasspathWithOptionalExtras.Resolved<SparkExtra> resolved = resolveClasspath(resolver, version);
        return launch(resolved.jars(), resolved.present());
      } finally {
        if (ownJars) {
          resolver.close();
        }
      }
    }

    private SparkServerProcess launch(List<Path> classpath, Set<SparkExtra> extras) {
      Path workDir;
      try {
        workDir = Files.createTempDirectory("cclr-spark-" + version + "-");
        if (logFile == null) {
          logFile = workDir.resolveSibling(workDir.getFileName() + ".log");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot prepare the Spark server's directories", e);
      }
      IllegalStateException lastFailure = null;
      for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
        int port = LocalServerProcesses.freePort();
        Instant launched = Instant.now();
        Process process = spawn(classpath, workDir, port);
        Thread hook = new Thread(
            () -> ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(5)),
            "cclr-spark-server-killer");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          ConnectUri uri = authToken.isPresent() ? ConnectUri.local(port).withToken(authToken.get()) : ConnectUri.local(port);
          LocalServerProcesses.awaitReady(process, uri, startupTimeout, session -> {
            String answered = session.sparkVersion();
            if (!answered.equals(version)) {
              throw new IllegalStateException("the server reports Spark " + answered + " but " + version + " was requested");
            }
          });
          Duration startup = Duration.between(launched, Instant.now());
          LOG.log(System.Logger.Level.INFO, "Spark {0} Connect server ready on 127.0.0.1:{1} after {2} ms",
              version, String.valueOf(port), String.valueOf(startup.toMillis()));
          return new SparkServerProcess(this, process, port, workDir, extras, startup, hook);
        } catch (RuntimeException e) {
          ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(5));
          Runtime.getRuntime().removeShutdownHook(hook);
          String log = LocalServerProcesses.logTail(logFile);
          if (!process.isAlive() && log.contains("Address already in use") && attempt < BIND_ATTEMPTS) {
            // Someone took the free port between our probe and Spark's bind: try another one.
            lastFailure = new IllegalStateException(e.getMessage(), e);
            continue;
          }
          LocalServerProcesses.deleteRecursively(workDir);
          throw new IllegalStateException(
              "Spark " + version + " Connect server did not start: " + e.getMessage()
                  + "\n--- end of " + logFile + " ---\n" + log, e);
        }
      }
      LocalServerProcesses.deleteRecursively(workDir);
      throw Objects.requireNonNullElseGet(lastFailure,
          () -> new IllegalStateException("Spark " + version + " Connect server did not start"));
    }

    private Process spawn(List<Path> classpath, Path workDir, int port) {
      Map<String, String> allConfs = new LinkedHashMap<>();
      allConfs.put("spark.master", "local[2]");
      allConfs.put("spark.ui.enabled", "false");
      allConfs.put("spark.driver.host", "127.0.0.1");
      allConfs.put("spark.driver.bindAddress", "127.0.0.1");
      allConfs.put("spark.connect.grpc.binding.address", "127.0.0.1");
      allConfs.put("spark.connect.grpc.binding.port", Integer.toString(port));
      allConfs.put("spark.connect.grpc.maxInboundMessageSize", Integer.toString(128 * 1024 * 1024));
      allConfs.put("spark.sql.warehouse.dir", workDir.resolve("warehouse").toUri().toString());
      authToken.ifPresent(t -> allConfs.put("spark.connect.authenticate.token", t));
      allConfs.putAll(confs);
      List<String> command = SparkJvmCommand.of(version, heap, workDir, jvmArgs, allConfs, classpath, MAIN_CLASS, List.of());
      try {
        Files.writeString(logFile, "# " + String.join(" ", SparkJvmCommand.redacted(command)) + "\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start " + command.get(0), e);
      }
    }
  }
}
