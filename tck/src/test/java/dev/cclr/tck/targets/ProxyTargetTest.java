package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.pinnedvenv.PinnedVenv;
import dev.cclr.tck.spark.ListeningSockets;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code proxy:} target with the real pinned spark-connect-proxy (installed into its venv from
 * PyPI on first use) in front of the reference server: on 127.0.0.1 only (the proxy binds every
 * interface by itself), passing calls through, and gone with the server behind it after close.
 */
@Tag("proxy")
class ProxyTargetTest {

  @Test
  void putsTheProxyOn127001InFrontOfTheInnerTargetAndStopsBoth() throws Exception {
    ProxyTarget target = (ProxyTarget) Targets.open("proxy:embedded", Profile.SPARK_4_2);
    ProcessHandle process = target.proxy().processHandle();
    int port = target.uri().port();
    try {
      assertEquals("spark-connect-proxy " + PinnedVenv.PROXY.pinnedVersion() + " in front of cclr reference server",
          target.implementation());
      assertEquals("proxy:embedded", target.name());
      List<InetSocketAddress> listening = ListeningSockets.of(process);
      assertTrue(listening.stream().anyMatch(a -> a.getPort() == port), "the proxy does not listen on its port: " + listening);
      assertEquals(List.of(), ListeningSockets.elsewhereThan127001(process), "all the proxy's listeners: " + listening);
      // The reference server's answer, through the proxy.
      try (ConnectSession session = target.openSession()) {
        assertEquals("4.2.0", session.sparkVersion());
      }
    } finally {
      target.close();
    }
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> process.onExit().join(), "the proxy outlived close()");
    assertThrows(java.io.IOException.class, () -> new Socket("127.0.0.1", port).close(), "something still listens on " + port);
  }

  @Test
  void aProxyInFrontOfNothingOrOfATokenServerIsRefused() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Targets.open("proxy:"));
    assertTrue(none.getMessage().contains("names no target to put the proxy in front of"), none.getMessage());
    IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
        () -> Targets.open("proxy:sc://127.0.0.1:1/;token=secret"));
    assertTrue(token.getMessage().contains("passes no call metadata"), token.getMessage());
  }
}
