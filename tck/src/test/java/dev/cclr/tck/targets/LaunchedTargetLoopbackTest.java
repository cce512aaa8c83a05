package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.spark.ListeningSockets;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link LaunchedTarget#requireLoopbackOnly()} against a real server process: it passes a server on
 * 127.0.0.1 alone, and stops, with an error naming the address, one that also listens elsewhere.
 */
class LaunchedTargetLoopbackTest {

  private static LaunchedTarget.CommandLine server(boolean alsoElsewhere, AtomicReference<Path> dir) {
    return (port, workDir) -> {
      dir.set(workDir);
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
          TwoAddressServerMain.class.getName(), Integer.toString(port)));
      if (alsoElsewhere) {
        command.add("also-127.0.0.2");
      }
      return command;
    };
  }

  @Test
  void aServerOn127001AlonePasses() {
    try (LaunchedTarget target = LaunchedTarget.start("two-address", "test server", server(false, new AtomicReference<>()))
        .requireLoopbackOnly()) {
      List<InetSocketAddress> listening = ListeningSockets.of(target.processHandle());
      assertTrue(listening.stream().anyMatch(a -> a.getPort() == target.uri().port()), "listening: " + listening);
      assertEquals(List.of(), ListeningSockets.elsewhereThan127001(target.processHandle()));
    }
  }

  @Test
  void aServerThatAlsoListensElsewhereIsStoppedWithTheAddressNamed() {
    AtomicReference<Path> dir = new AtomicReference<>();
    LaunchedTarget target = LaunchedTarget.start("two-address", "test server", server(true, dir));
    ProcessHandle process = target.processHandle();
    IllegalStateException e = assertThrows(IllegalStateException.class, target::requireLoopbackOnly);
    assertTrue(e.getMessage().contains("listened beyond 127.0.0.1, on [/127.0.0.2:"), e.getMessage());
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> process.onExit().join(), "the server was not stopped");
    assertFalse(dir.get().toFile().exists(), "its working folder was left behind");
  }
}
