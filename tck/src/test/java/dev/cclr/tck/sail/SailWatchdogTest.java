package dev.cclr.tck.sail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bash loop that ends a Sail server when the JVM that started it dies, even by SIGKILL, tried
 * with {@code sleep} standing in for both the JVM and the server.
 */
class SailWatchdogTest {
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    started.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
  }

  @Test
  void theServerDiesWhenTheParentIsKilled() throws Exception {
    Process parent = start(List.of("sleep", "600"));
    Process watchdog = start(dev.cclr.tck.spark.LocalServerProcesses.watched(parent.pid(), List.of("sleep", "600")));
    assertTrue(waitForChild(watchdog), "the watchdog did not start its command");
    ProcessHandle server = watchdog.descendants().findFirst().orElseThrow();
    assertFalse(watchdog.waitFor(2, TimeUnit.SECONDS), "the watchdog ended while its parent was alive");

    parent.destroyForcibly().waitFor();

    assertTrue(watchdog.waitFor(15, TimeUnit.SECONDS), "the watchdog outlived its killed parent");
    server.onExit().get(15, TimeUnit.SECONDS);
    assertFalse(server.isAlive(), "the server outlived the killed parent");
  }

  @Test
  void aServerThatExitsEndsTheWatchdogWithItsExitCode() throws Exception {
    Process parent = start(List.of("sleep", "600"));
    Process watchdog = start(dev.cclr.tck.spark.LocalServerProcesses.watched(parent.pid(), List.of("bash", "-c", "sleep 0.5; exit 7")));

    assertTrue(watchdog.waitFor(15, TimeUnit.SECONDS), "the watchdog outlived its server");
    assertEquals(7, watchdog.exitValue());
  }

  private static boolean waitForChild(Process p) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (p.descendants().findAny().isPresent()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private Process start(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    started.add(p);
    return p;
  }
}
