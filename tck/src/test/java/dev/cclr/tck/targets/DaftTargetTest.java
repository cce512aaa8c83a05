package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.pinnedvenv.PinnedVenv;
import dev.cclr.tck.spark.ListeningSockets;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code daft} target with the real pinned Daft (installed into its venv from PyPI on first use):
 * started on 127.0.0.1 only, answering Spark Connect, and gone after close.
 */
@Tag("daft")
class DaftTargetTest {

  @Test
  void startsDaftOn127001OnlyAnswersAndStopsIt() throws Exception {
    String pinned = PinnedVenv.DAFT.pinnedVersion();
    Target target = Targets.open("daft", Profile.SPARK_4_2);
    ProcessHandle process = ((LaunchedTarget) target).processHandle();
    int port = target.uri().port();
    try {
      assertEquals("Daft " + pinned, target.implementation());
      assertEquals("daft:" + pinned, target.name());
      assertEquals("127.0.0.1", target.uri().host());
      List<InetSocketAddress> listening = ListeningSockets.of(process);
      assertFalse(listening.isEmpty(), "Daft's process tree listens nowhere");
      assertEquals(List.of(), ListeningSockets.elsewhereThan127001(process), "all listeners: " + listening);
      // A real answer of Daft's server: it has no artifact RPCs, and says so.
      try (ConnectSession session = target.openSession()) {
        RemoteErrorException e = assertThrows(RemoteErrorException.class, () -> session.artifactStatus(List.of("cache/x")));
        assertTrue(e.getMessage().contains("artifact_status operation is not yet implemented"), e.getMessage());
      }
    } finally {
      target.close();
    }
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> process.onExit().join(), "Daft's process outlived close()");
    assertThrows(java.io.IOException.class, () -> new Socket("127.0.0.1", port).close(), "something still listens on " + port);
  }

  @Test
  void anotherVersionIsRefusedWithWhatToDoInstead() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Targets.open("daft:0.6.0"));
    assertTrue(e.getMessage().contains("pins daft " + PinnedVenv.DAFT.pinnedVersion()) && e.getMessage().contains("launch:"),
        e.getMessage());
  }
}
