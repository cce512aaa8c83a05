package dev.cclr.tck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.spark.watchdog.ParentWatchdogMain;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog that ends a Spark server when the JVM that started it dies, even by SIGKILL. Runs it
 * the way SparkServerProcess does: the class copied alone onto the child's classpath.
 */
class ParentWatchdogTest {
  @TempDir Path dir;
  private Process parent;
  private Process child;

  @AfterEach
  void cleanUp() {
    for (Process p : new Process[] {child, parent}) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void theChildDiesWhenItsParentIsKilled() throws Exception {
    parent = java(List.of(), SleepingMain.class.getName());
    child = watched(parent.pid());
    assertFalse(child.waitFor(2, TimeUnit.SECONDS), "the child ended while its parent was alive");

    parent.destroyForcibly().waitFor();

    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child outlived its killed parent");
    assertEquals(3, child.exitValue());
  }

  @Test
  void aChildWhoseParentIsAlreadyGoneDoesNotStart() throws Exception {
    Process gone = java(List.of(), SleepingMain.class.getName());
    long pid = gone.pid();
    gone.destroyForcibly().waitFor();

    child = watched(pid);

    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child started without a parent");
    assertEquals(3, child.exitValue());
  }

  private Process watched(long parentPid) throws Exception {
    Path watchdogClasses = dir.resolve("watchdog");
    SparkJvmCommand.copyWatchdog(watchdogClasses);
    return java(
        List.of("-Dcclr.parent.pid=" + parentPid, "-cp",
            watchdogClasses + File.pathSeparator + testClasses()),
        ParentWatchdogMain.class.getName(), SleepingMain.class.getName());
  }

  private static Process java(List<String> options, String... mainAndArgs) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx32m");
    if (options.isEmpty()) {
      command.add("-cp");
      command.add(testClasses());
    } else {
      command.addAll(options);
    }
    command.addAll(List.of(mainAndArgs));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String testClasses() throws Exception {
    return Path.of(SleepingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
