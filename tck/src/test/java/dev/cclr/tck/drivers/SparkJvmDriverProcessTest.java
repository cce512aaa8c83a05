package dev.cclr.tck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkJvmDriverProcessTest {

  @TempDir Path dir;

  private SparkJvmDriverProcess fake(String behaviour, Duration timeout) throws Exception {
    Path testClasses = Path.of(FakeDriverMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return SparkJvmDriverProcess.builder()
        .client("4.1.3", List.of(testClasses))
        .sparkRemote("sc://127.0.0.1:1")
        .args(List.of(behaviour, "--rows", "7"))
        .workDir(dir.resolve(behaviour))
        .timeout(timeout)
        .maxHeap("64m")
        .mainClass(FakeDriverMain.class.getName())
        .build();
  }

  @Test
  void passesRemoteAndArgumentsAndParsesTheResult() throws Exception {
    DriverRun run = fake("ok", Duration.ofSeconds(60)).run();
    assertEquals(0, run.exitCode());
    assertEquals("sc://127.0.0.1:1", run.result().json().path("sparkRemote").asText());
    assertEquals("ok --rows 7 --result " + run.resultFile(), run.result().json().path("argv").asText());
    assertTrue(run.result().equal());
  }

  @Test
  void failureExitIsAnErrorCarryingStderr() throws Exception {
    var e = assertThrows(DriverProcessException.class, () -> fake("exit3", Duration.ofSeconds(60)).run());
    assertTrue(e.getMessage().contains("status 3"), e.getMessage());
    assertTrue(e.getMessage().contains("something broke in the fake driver"), e.getMessage());
  }

  @Test
  void missingOrMalformedResultIsAnError() throws Exception {
    assertThrows(DriverProcessException.class, () -> fake("no-result", Duration.ofSeconds(60)).run());
    assertThrows(DriverProcessException.class, () -> fake("garbage", Duration.ofSeconds(60)).run());
  }

  @Test
  void aHangingDriverIsKilledAtTheTimeout() throws Exception {
    long start = System.nanoTime();
    var e = assertThrows(DriverProcessException.class, () -> fake("hang", Duration.ofSeconds(3)).run());
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30);
  }

  @Test
  void theChildGetsSparksModuleOptions() throws Exception {
    List<String> cmd = fake("ok", Duration.ofSeconds(1)).command(Path.of("r.json"));
    assertTrue(cmd.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"));
    assertTrue(cmd.contains("--add-opens=java.base/sun.util.calendar=ALL-UNNAMED"));
    assertEquals(List.of("ok", "--rows", "7", "--result", "r.json"), cmd.subList(cmd.size() - 5, cmd.size()));
  }
}
