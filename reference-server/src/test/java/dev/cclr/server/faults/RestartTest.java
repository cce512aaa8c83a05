package dev.cclr.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started on the store directory of an earlier one starts clean: no blob of the earlier
 * run is visible, whether that run stopped cleanly or was killed (SIGKILL, so nothing of its own
 * clean-up ran), the killed run's spill files are deleted, and no Arrow memory is held. A server
 * that is still running on the same directory keeps its files.
 */
class RestartTest {

  @TempDir Path store;

  @Test
  void aStoppedServerRestartsClean() throws Exception {
    String session = TestServer.newSessionId();
    Path firstRun;
    try (TestServer t = new TestServer(store, b -> b.memoryBudget(0))) {
      Rpc rpc = new Rpc(t, session);
      rpc.put("cache/a", Ipc.ints(10_000, 0));
      rpc.put("cache/b", Ipc.ints(10_000, 1));
      firstRun = t.server.blobDirectory();
      assertEquals(2, files(firstRun));
    }
    assertFalse(Files.exists(firstRun), "a clean stop deletes its blob directory");
    try (TestServer t = new TestServer(store, b -> b.memoryBudget(0))) {
      assertStartedClean(t, session);
    }
  }

  @Test
  void aKilledServersFilesAreRemovedByTheNextStart() throws Exception {
    String session = TestServer.newSessionId();
    // Arrow needs java.nio opened, as for the tests themselves (the pom's arrow.jvm.opens).
    Process killed = new ProcessBuilder(javaExecutable(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        KilledServerMain.class.getName(), store.toString(), session)
        .redirectErrorStream(true).start();
    Path leftBehind;
    try {
      leftBehind = blobDirectoryOf(killed);
    } finally {
      killed.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
      assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "the server process did not die");
    }
    assertEquals(3, files(leftBehind), "the killed server left its spill files behind");

    try (TestServer t = new TestServer(store, b -> b.memoryBudget(0))) {
      assertFalse(Files.exists(leftBehind), "the new server removed the killed one's blob directory");
      assertStartedClean(t, session);
    }
  }

  @Test
  void aRunningServersFilesAreLeftAlone() throws Exception {
    try (TestServer first = new TestServer(store, b -> b.memoryBudget(0))) {
      Rpc rpc = new Rpc(first, TestServer.newSessionId());
      rpc.put("cache/a", Ipc.ints(10_000, 0));
      try (TestServer second = new TestServer(store, b -> b.memoryBudget(0))) {
        assertEquals(1, files(first.server.blobDirectory()), "a live server's blobs survive another's start");
        assertTrue(rpc.exists("cache/a"));
        assertEquals(2, storeEntries(), "one blob directory per live server");
      }
    }
  }

  /** Nothing of an earlier run: no blob in the same session, only this run's (empty) directory, no Arrow memory. */
  private void assertStartedClean(TestServer t, String session) throws IOException {
    Rpc rpc = new Rpc(t, session);
    rpc.status("cache/a", "cache/b", "cache/blob-0", "cache/blob-1", "cache/blob-2").getStatusesMap()
        .forEach((name, status) -> assertFalse(status.getExists(), name + " survived the restart"));
    try (Stream<Path> entries = Files.list(store)) {
      assertEquals(List.of(t.server.blobDirectory()), entries.toList(), "only the new run's directory");
    }
    assertEquals(0, files(t.server.blobDirectory()));
    assertEquals(0, t.server.arrowMemoryInUse());
    assertEquals(0, t.server.storeBytesInUse());
  }

  private static Path blobDirectoryOf(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("BLOBS ")) {
        return Path.of(line.substring("BLOBS ".length()));
      }
      printed.append(line).append('\n');
    }
    throw new AssertionError("the server process ended without reporting its blob directory:\n" + printed);
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private long storeEntries() throws IOException {
    try (Stream<Path> entries = Files.list(store)) {
      return entries.count();
    }
  }

  private static long files(Path dir) throws IOException {
    assertNotNull(dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
