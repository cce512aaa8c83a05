package dev.cclr.tck.sail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.tck.client.ConfigPairs;
import dev.cclr.tck.client.ConnectSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Installs the pinned pysail if needed, starts Sail's Spark Connect server, and stops it completely. */
@Tag("sail")
class SailServerProcessTest {

  @Test
  void startsAnswersAConfigSetAndGetAndStopsCompletely() throws IOException {
    PysailInstaller.Installation sail = PysailInstaller.ensureInstalled();
    assertEquals(PysailInstaller.pinnedVersion(), sail.version());

    SailServerProcess server = SailServerProcess.start(sail);
    long pid = server.pid();
    int port = server.port();
    List<ProcessHandle> tree = ProcessHandle.of(pid).orElseThrow().descendants().toList();
    try (ConnectSession session = ConnectSession.open(server.connectUri())) {
      session.configSet(Map.of("spark.sql.session.timeZone", "America/Los_Angeles"));
      assertEquals(Map.of("spark.sql.session.timeZone", "America/Los_Angeles"),
          ConfigPairs.asMap(session.configGet("spark.sql.session.timeZone")));
    } finally {
      server.close();
    }
    System.out.printf("Sail %s started in %d ms%n", sail.version(), server.startupTime().toMillis());

    assertFalse(server.isAlive(), "the watchdog is still alive");
    for (ProcessHandle p : tree) {
      assertFalse(p.isAlive(), "a process of the server is still alive: " + p.info());
    }
    assertThrows(IOException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close(),
        "something still listens on the server's port");
  }
}
