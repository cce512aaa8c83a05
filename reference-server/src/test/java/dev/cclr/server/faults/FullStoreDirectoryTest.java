package dev.cclr.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ReleaseSessionRequest;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full store directory ends the upload that needs the room with RESOURCE_EXHAUSTED
 * (CCLR_STORE_DIRECTORY_FULL, 53100), deletes its partial file, stores nothing of it, and the server
 * keeps serving: earlier blobs read back intact and a later upload that fits works. Checked twice:
 * with the operator's --store-capacity, and with a real 4 MiB tmpfs whose writes fail with ENOSPC.
 * On that tmpfs, spare files (freed blobs' files kept for later spills) give way to an upload
 * that needs their room.
 */
class FullStoreDirectoryTest {

  private static final int PIECE = 1 << 20;
  /** Set to make the real-disk test fail, not skip, where no tmpfs can be mounted (e.g. a root CI job). */
  private static final String REQUIRE_REAL_DISK = "CCLR_REQUIRE_REAL_FULL_DISK";

  @TempDir Path dir;

  @Test
  void anUploadBeyondTheStoreCapacityIsRefusedAndLeavesNothing() throws Exception {
    // Memory budget 0: every blob is spilled, so every byte counts against the capacity.
    try (TestServer t = new TestServer(dir, b -> b.memoryBudget(0).storeCapacity(3L * PIECE))) {
      fillAndCheck(t);
      assertEquals(spilledBytes(t), t.server.storeBytesInUse(),
          "the capacity counts exactly the bytes of the spill files");
    }
  }

  @Test
  void aRealFullDiskIsRefusedTheSameWay() throws Exception {
    onASmallDisk(disk -> {
      try (TestServer t = new TestServer(disk, b -> b.memoryBudget(0))) {
        fillAndCheck(t);
      }
    });
  }

  private interface DiskTest {
    void run(Path disk) throws Exception;
  }

  /** Runs the test on a real 4 MiB tmpfs, mounted for it and unmounted afterwards. */
  private void onASmallDisk(DiskTest test) throws Exception {
    Path disk = dir.resolve("small-disk");
    Files.createDirectories(disk);
    String failure = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString());
    if (failure != null) {
      String why = "cannot mount a 4 MiB tmpfs here (needs root with CAP_SYS_ADMIN): " + failure;
      if (System.getenv(REQUIRE_REAL_DISK) != null) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    try {
      test.run(disk);
    } finally {
      String unmounted = run("umount", disk.toString());
      if (unmounted != null) {
        fail("could not unmount " + disk + ": " + unmounted);
      }
    }
  }

  /**
   * Spares (the files of freed blobs, kept for later spills) hold room on the real disk; a write
   * that meets ENOSPC deletes them and tries again, so the upload that needs their room succeeds.
   */
  @Test
  void sparesGiveWayOnARealFullDisk() throws Exception {
    onASmallDisk(disk -> {
      try (TestServer t = new TestServer(disk, b -> b.memoryBudget(0))) {
        Rpc first = new Rpc(t, TestServer.newSessionId());
        first.put("cache/a", Ipc.ints(350_000, 0));
        first.put("cache/b", Ipc.ints(350_000, 0));
        t.blocking.releaseSession(ReleaseSessionRequest.newBuilder().setSessionId(first.sessionId())
            .setUserContext(TestServer.USER).build());
        assertEquals(2, files(t, "spare-"), "both freed files are kept as spares");

        // About 3 MB: one spare is taken and grown; the other must go for the disk to have room.
        Rpc second = new Rpc(t, TestServer.newSessionId());
        byte[] big = Ipc.ints(750_000, 5_000_000);
        byte[][] thirds = {Arrays.copyOfRange(big, 0, PIECE), Arrays.copyOfRange(big, PIECE, 2 * PIECE),
            Arrays.copyOfRange(big, 2 * PIECE, big.length)};
        second.upload(second.begin("cache/big", big.length, 3, Rpc.chunk(thirds[0])),
            second.next(Rpc.chunk(thirds[1])), second.next(Rpc.chunk(thirds[2])));
        assertEquals(0, files(t, "spare-"), "the spares gave way");
        List<Long> rows = Rpc.rows(second.collect(second.execute(Relation.newBuilder().setChunkedCachedLocalRelation(
            ChunkedCachedLocalRelation.newBuilder().addDataHashes("big")).build()).build()));
        List<Long> expected = new ArrayList<>();
        LongStream.range(5_000_000, 5_750_000).forEach(expected::add);
        assertEquals(expected, rows, "the blob written over a spare and past it reads back intact");
        assertEquals(spilledBytes(t), t.server.storeBytesInUse());
      }
    });
  }

  private static long files(TestServer t, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(t.server.blobDirectory())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
    }
  }

  /**
   * Stores a blob of about 1 MB, fails an 8 MiB chunked upload on the full directory, then checks
   * that nothing of it is left and that the server still stores and serves blobs.
   */
  private static void fillAndCheck(TestServer t) throws Exception {
    Rpc rpc = new Rpc(t, TestServer.newSessionId());
    byte[] first = Ipc.ints(250_000, 0);
    rpc.put("cache/first", first);

    byte[] big = new byte[8 * PIECE];
    new Random(3).nextBytes(big);
    List<AddArtifactsRequest> pieces = new ArrayList<>();
    pieces.add(rpc.begin("cache/big", big.length, 8, Rpc.chunk(Arrays.copyOfRange(big, 0, PIECE))));
    for (int i = 1; i < 8; i++) {
      pieces.add(rpc.next(Rpc.chunk(Arrays.copyOfRange(big, i * PIECE, (i + 1) * PIECE))));
    }
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> rpc.upload(pieces.toArray(AddArtifactsRequest[]::new)));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.getStatus().toString());
    Errors err = Errors.of(e).expectClass("CCLR_STORE_DIRECTORY_FULL", "53100");
    assertTrue(err.params().contains("cache/big"), err.params());

    assertEquals(1, spillFiles(t), "only the first blob's file is left; the partial one is deleted");
    assertFalse(rpc.exists("cache/big"), "the refused blob must not be visible");

    byte[] second = Ipc.ints(250_000, 1_000_000);
    rpc.put("cache/second", second);
    assertEquals(2, spillFiles(t));
    List<Long> rows = Rpc.rows(rpc.collect(rpc.execute(Relation.newBuilder().setChunkedCachedLocalRelation(
        ChunkedCachedLocalRelation.newBuilder().addDataHashes("first").addDataHashes("second")).build()).build()));
    List<Long> expected = new ArrayList<>();
    LongStream.range(0, 250_000).forEach(expected::add);
    LongStream.range(1_000_000, 1_250_000).forEach(expected::add);
    assertEquals(expected, rows, "the earlier blobs read back intact");
    assertEquals(0, t.server.arrowMemoryInUse());
  }

  private static long spillFiles(TestServer t) throws IOException {
    try (Stream<Path> files = Files.list(t.server.blobDirectory())) {
      return files.count();
    }
  }

  private static long spilledBytes(TestServer t) throws IOException {
    try (Stream<Path> files = Files.list(t.server.blobDirectory())) {
      long sum = 0;
      for (Path p : files.toList()) {
        sum += Files.size(p);
      }
      return sum;
    }
  }

  /** Runs a command; null when it succeeded, else what it printed (or why it could not start). */
  private static String run(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
    } catch (IOException e) {
      return e.toString();
    }
  }
}
