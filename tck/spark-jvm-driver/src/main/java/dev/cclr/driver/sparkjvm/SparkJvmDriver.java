package dev.cclr.driver.sparkjvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.connect.SparkSession;

/**
 * Entry point of the driver: runs one client scenario through the real Spark Connect JVM client
 * against the server named by the {@code SPARK_REMOTE} environment variable, and writes the
 * outcome as JSON to the file given by {@code --result}.
 *
 * <p>Exit status: 0 when the scenario ran and the result file was written, whatever the outcome
 * (the caller judges equal, count and exception); 2 for a usage error; 1 when the driver itself
 * failed (for instance a client jar whose API does not match, or an unwritable result file).
 */
public final class SparkJvmDriver {

  static final int EXIT_RAN = 0;
  static final int EXIT_DRIVER_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private SparkJvmDriver() {}

  public static void main(String[] argv) {
    int status;
    try {
      status = run(List.of(argv), System.getenv("SPARK_REMOTE"), System.err);
    } catch (Throwable t) {
      // Anything unforeseen (out of memory, ...) is a driver failure, and must not leave the JVM
      // hanging on the client's non-daemon threads until the caller's timeout.
      t.printStackTrace();
      status = EXIT_DRIVER_FAILURE;
    }
    // The client leaves gRPC threads behind; the result is on disk, so leave now.
    System.exit(status);
  }

  static int run(List<String> argv, String sparkRemote, PrintStream err) {
    DriverArgs args;
    try {
      args = DriverArgs.parse(argv);
      if (sparkRemote == null || sparkRemote.isBlank()) {
        throw new UsageException("SPARK_REMOTE is not set (expected e.g. sc://127.0.0.1:15002)");
      }
    } catch (UsageException e) {
      err.println("cclr-spark-jvm-driver: " + e.getMessage());
      err.println(DriverArgs.USAGE);
      return EXIT_USAGE;
    }

    Report report = new Report(args, sparkRemote, clientVersion());
    WireRecorder wire = new WireRecorder();
    int status = EXIT_RAN;
    try {
      SparkSession spark = SparkSession.builder().remote(sparkRemote).interceptor(wire).create();
      try {
        new RoundTrip(spark, report).run(args);
        report.put("serverVersion", serverVersion(spark));
      } finally {
        closeQuietly(spark, report);
      }
    } catch (Exception e) {
      report.put("exception", ErrorReport.describe("connect", e));
    } catch (LinkageError e) {
      // The client jar on the classpath does not have the API this driver was compiled against.
      report.put("exception", ErrorReport.describe("driver", e));
      e.printStackTrace(err);
      status = EXIT_DRIVER_FAILURE;
    }
    report.put("wire", wire.toJson());

    try {
      AtomicFiles.writeString(args.resultFile(), report.toJson());
    } catch (IOException e) {
      err.println("cclr-spark-jvm-driver: cannot write " + args.resultFile() + ": " + e);
      return EXIT_DRIVER_FAILURE;
    }
    return status;
  }

  // Asked after the scenario, so a failure here cannot hide the scenario's own outcome.
  private static String serverVersion(SparkSession spark) {
    try {
      return spark.version();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void closeQuietly(SparkSession spark, Report report) {
    try {
      spark.close();
    } catch (Exception e) {
      // Spark 4.2.0 servers without spark-mllib fail ReleaseSession; that is not the scenario's outcome.
      report.put("closeException", ErrorReport.describe("close", e));
    }
  }

  /** The client's own version, from the build-info resource Spark ships in spark-common-utils. */
  static String clientVersion() {
    try (InputStream in = SparkSession.class.getClassLoader().getResourceAsStream("spark-version-info.properties")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
