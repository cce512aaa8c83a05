package dev.cclr.driver.sparkjvm;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.Dataset;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The body of one client case (spec chapter 14.2): open a session on the remote with no
 * configuration, then {@code repeat} times {@code createDataFrame(rows, schema)} and {@code
 * collectAsList()}; the last collect's rows with the DataFrame's schema are the result. The first
 * exception the client raises stops the case and becomes the error file's content, with the phase
 * it happened in: {@code session}, {@code createDataFrame} or {@code collect} (which includes
 * reading {@code df.schema()} after the last collect).
 *
 * <p>{@link #close} closes the session, errors ignored, and waits for it a bounded time only: the
 * caller writes the outcome first and closes after, because a client that cannot reach the
 * server retries ReleaseSession for as long as it retried the failed call (about ten minutes with
 * the client's default retry policy).
 *
 * <p>Only exceptions are the client's outcome: a {@link LinkageError} (a client jar whose API does
 * not match the driver) or any other Error propagates, and the driver exits as broken.
 */
final class ClientCase implements AutoCloseable {

  /** How long {@link #close} waits for the client to release the session. */
  static final long CLOSE_WAIT_MILLIS = 15_000L;

  /** What the case produced: exactly one of collected rows and an error. */
  sealed interface Outcome permits Collected, Failed {}

  record Collected(LocalData data) implements Outcome {}

  record Failed(Map<String, Object> error) implements Outcome {}

  private final String sparkRemote;
  private final PrintStream log;
  private String phase = "session";
  private SparkSession spark;

  ClientCase(String sparkRemote, PrintStream log) {
    this.sparkRemote = sparkRemote;
    this.log = log;
  }

  Outcome run(LocalData input, int repeat) {
    try {
      spark = timed("session", () -> SparkSession.builder().remote(sparkRemote).create());
    } catch (Exception e) {
      return failed(e);
    }
    try {
      LocalData last = null;
      for (int i = 0; i < repeat; i++) {
        Dataset<Row> df = timed("createDataFrame", () -> spark.createDataFrame(input.rows(), input.schema()));
        List<Row> rows = timed("collect", df::collectAsList);
        if (i == repeat - 1) {
          // The DataFrame's schema as the client reports it, for the output's Arrow types.
          StructType schema = timed("collect", df::schema);
          last = new LocalData(schema, rows);
        }
        log.println("  run " + (i + 1) + "/" + repeat + ": " + rows.size() + " rows collected");
      }
      return new Collected(last);
    } catch (Exception e) {
      // Spark's client throws checked exceptions from Scala code too, hence Exception.
      return failed(e);
    }
  }

  private Failed failed(Exception e) {
    log.println("  " + phase + " failed: " + e);
    return new Failed(ErrorReport.describeForClientCase(phase, e));
  }

  /** Closes the session if one was opened; errors and a close that hangs are only logged. */
  @Override
  public void close() {
    SparkSession session = spark;
    if (session == null) {
      return;
    }
    spark = null;
    Thread closer = new Thread(() -> {
      try {
        session.close();
      } catch (Exception e) {
        // Spark 4.2.0 servers without spark-mllib fail ReleaseSession; not the case's outcome.
        log.println("  closing the session failed (ignored): " + e);
      }
    }, "cclr-close-session");
    closer.setDaemon(true);
    long start = System.nanoTime();
    closer.start();
    try {
      closer.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long millis = (System.nanoTime() - start) / 1_000_000L;
    log.println(closer.isAlive()
        ? "  close: not finished after " + millis + " ms, not waiting any longer"
        : "  close: " + millis + " ms");
  }

  private <T> T timed(String name, Callable<T> body) throws Exception {
    phase = name;
    long start = System.nanoTime();
    T value = body.call();
    log.println("  " + name + ": " + (System.nanoTime() - start) / 1_000_000L + " ms");
    return value;
  }
}
