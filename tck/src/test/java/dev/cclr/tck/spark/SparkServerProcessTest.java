package dev.cclr.tck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.client.ConfigPairs;
import dev.cclr.tck.client.ConnectSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Starts and stops a real Spark 4.2.0 Connect server from Maven Central jars. */
@Tag("real-spark")
class SparkServerProcessTest {
  private static final String VERSION = "4.2.0";

  @Test
  void startsAnswersAConfigGetAndStopsCompletely() throws IOException {
    Path log = Path.of("target", "spark-logs", "SparkServerProcessTest-4.2.0.log");
    SparkServerProcess spark =
        SparkServerProcess.builder(VERSION)
            .logFile(log)
            .conf("spark.sql.session.timeZone", "America/Los_Angeles")
            .start();
    long pid = spark.pid();
    int port = spark.port();
    try (ConnectSession session = ConnectSession.open(spark.connectUri())) {
      Map<String, String> pairs =
          ConfigPairs.asMap(session.configGet("spark.sql.session.timeZone"));
      // The -D conf reached the server, and the answer came through Spark Connect.
      assertEquals(Map.of("spark.sql.session.timeZone", "America/Los_Angeles"), pairs);
      assertTrue(session.serverSideSessionId().isPresent(), "no server_side_session_id observed");
      assertEquals(VERSION, session.sparkVersion());
    } finally {
      spark.close();
    }
    System.out.printf("Spark %s started in %d ms, mllib on classpath: %s%n",
        VERSION, spark.startupTime().toMillis(), spark.hasMllib());

    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server still alive");
    assertFalse(spark.isAlive());
    assertThrows(IOException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close(),
        "something still listens on the server's port");
    String logText = Files.readString(log);
    assertTrue(logText.contains("Spark Connect server started"), "log lacks the start line: " + log);
  }
}
