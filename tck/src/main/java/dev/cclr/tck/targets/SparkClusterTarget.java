package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.spark.cluster.SparkClusterServer;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code spark-cluster:<version>}: a real Apache Spark standalone cluster on 127.0.0.1 (a master and
 * two workers, from the same Maven Central jars as {@code spark:<version>}) behind a Spark Connect
 * server whose driver submits to it, so that jobs run in executor JVMs. Started by the TCK and
 * stopped when done, processes and executors included.
 */
public final class SparkClusterTarget implements Target {
  public static final String PREFIX = "spark-cluster:";

  private final SparkClusterServer server;

  private SparkClusterTarget(SparkClusterServer server) {
    this.server = server;
  }

  /** With a random bearer token, as {@code spark:} has, so the SRV-SEC cases apply alike. */
  public static SparkClusterTarget start(String version) {
    return new SparkClusterTarget(SparkClusterServer.start(version, java.util.UUID.randomUUID().toString(), Duration.ofMinutes(4)));
  }

  /** "Apache Spark 4.2.0 (standalone cluster: 2 workers)", plus a note for each optional extra left out. */
  @Override
  public String implementation() {
    StringBuilder name = new StringBuilder("Apache Spark ").append(server.version())
        .append(" (standalone cluster: ").append(SparkClusterServer.WORKERS).append(" workers)");
    server.driver().missingExtras().forEach(extra -> name.append(" (").append(extra.missingNote()).append(')'));
    return name.toString();
  }

  @Override
  public String name() { return PREFIX + server.version(); }

  @Override
  public ConnectUri uri() { return server.connectUri(); }

  public SparkClusterServer server() { return server; }

  @Override
  public Optional<String> processEnded() { return server.processEnded(); }

  @Override
  public void close() { server.close(); }
}
