package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.spark.SparkServerProcess;

/**
 * {@code spark:<version>}: a real Apache Spark Connect server that the TCK starts from Maven
 * Central jars in a child JVM on 127.0.0.1, and stops when done.
 */
public final class SparkTarget implements Target {
  private final SparkServerProcess process;

  private SparkTarget(SparkServerProcess process) {
    this.process = process;
  }

  /**
   * Spark with {@code spark.connect.authenticate.token} set to a random token, which {@link #uri()}
   * carries: the cases that call without or with a wrong token (SRV-SEC-002) then apply to it.
   */
  public static SparkTarget start(String version) {
    return new SparkTarget(SparkServerProcess.builder(version).authToken(java.util.UUID.randomUUID().toString()).start());
  }

  /**
   * "Apache Spark 4.2.0", with a note for each optional extra that did not resolve, e.g. "Apache
   * Spark 4.1.2 (without spark-mllib: ReleaseSession fails)": reports and tests see which server ran.
   */
  @Override
  public String implementation() {
    StringBuilder name = new StringBuilder("Apache Spark ").append(process.version());
    process.missingExtras().forEach(extra -> name.append(" (").append(extra.missingNote()).append(')'));
    return name.toString();
  }

  @Override
  public String name() { return "spark:" + process.version(); }

  @Override
  public ConnectUri uri() { return process.connectUri(); }

  public SparkServerProcess process() { return process; }

  @Override
  public java.util.Optional<String> processEnded() {
    return process.isAlive() ? java.util.Optional.empty()
        : java.util.Optional.of("the Spark server process (pid " + process.pid() + ") is gone; its log: " + process.logFile());
  }

  @Override
  public void close() { process.close(); }
}
