package dev.cclr.server.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ReleaseSessionRequest;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

  @TempDir Path dir;
  private TestServer t;

  @AfterEach
  void stop() throws Exception {
    if (t != null) {
      t.close();
    }
  }

  private Rpc start(long memoryBudget) throws Exception {
    t = new TestServer(dir, b -> b.memoryBudget(memoryBudget));
    return new Rpc(t, TestServer.newSessionId());
  }

  /** Files holding a blob or receiving one (spares aside). */
  private long spillFiles() throws Exception {
    return files("blob-").size();
  }

  private List<Path> files(String prefix) throws Exception {
    try (Stream<Path> files = Files.list(t.server.blobDirectory())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  private static List<Long> read(Rpc rpc, String... hashes) {
    Relation rel = Relation.newBuilder().setChunkedCachedLocalRelation(
        ChunkedCachedLocalRelation.newBuilder().addAllDataHashes(List.of(hashes))).build();
    return Rpc.rows(rpc.collect(rpc.execute(rel).build()));
  }

  private static byte[][] split(byte[] b, int parts) {
    byte[][] out = new byte[parts][];
    int size = (b.length + parts - 1) / parts;
    for (int i = 0; i < parts; i++) {
      out[i] = Arrays.copyOfRange(b, Math.min(b.length, i * size), Math.min(b.length, (i + 1) * size));
    }
    return out;
  }

  @Test
  void batchReportsEveryArtifactAndKeepsOnlyCrcCleanOnes() throws Exception {
    Rpc rpc = start(1 << 20);
    byte[] a = {1, 2, 3};
    byte[] b = {4, 5};
    AddArtifactsResponse r = rpc.upload(rpc.batch("cache/a", Rpc.chunk(a), "cache/b", Rpc.badChunk(b),
        "cache/a", Rpc.chunk(a)));
    assertEquals(List.of("cache/a:true", "cache/b:false", "cache/a:true"),
        r.getArtifactsList().stream().map(s -> s.getName() + ":" + s.getIsCrcSuccessful()).toList());
    assertEquals(rpc.sessionId(), r.getSessionId());
    assertFalse(r.getServerSideSessionId().isEmpty());
    assertTrue(rpc.exists("cache/a"));
    assertFalse(rpc.exists("cache/b"), "a blob that failed its CRC is not stored");
    assertEquals(0, rpc.upload(rpc.artifacts().setBatch(AddArtifactsRequest.Batch.getDefaultInstance()).build())
        .getArtifactsCount(), "an empty batch is fine");
  }

  @Test
  void crcIsTheUnsignedValue() throws Exception {
    Rpc rpc = start(1 << 20);
    byte[] data = new byte[64];
    long crc;
    int seed = 0;
    do {
      Arrays.fill(data, (byte) seed++);
      crc = Rpc.crc(data);
    } while (crc < (1L << 31));
    AddArtifactsRequest.ArtifactChunk signed = AddArtifactsRequest.ArtifactChunk.newBuilder()
        .setData(com.google.protobuf.ByteString.copyFrom(data)).setCrc((int) crc).build();
    assertFalse(rpc.upload(rpc.batch("cache/s", signed)).getArtifacts(0).getIsCrcSuccessful(),
        "a sign-extended CRC does not match");
    assertTrue(rpc.upload(rpc.batch("cache/s", Rpc.chunk(data))).getArtifacts(0).getIsCrcSuccessful());
  }

  /**
   * A blob kept in memory must be bytes of its own: the pieces arrive as views of netty's pooled
   * buffers (LoanedBytesMarshaller), which later uploads reuse. Uploading other blobs in between
   * would change a blob that kept those views.
   */
  @Test
  void aBlobKeptInMemoryOutlivesTheTransportsBuffers() throws Exception {
    Rpc rpc = start(64 << 20);
    byte[] first = Ipc.ints(50_000, 0);
    byte[][] parts = split(first, (first.length + (32 << 10) - 1) / (32 << 10));
    List<AddArtifactsRequest> pieces = new java.util.ArrayList<>(
        List.of(rpc.begin("cache/first", first.length, parts.length, Rpc.chunk(parts[0]))));
    for (int i = 1; i < parts.length; i++) {
      pieces.add(rpc.next(Rpc.chunk(parts[i])));
    }
    assertTrue(rpc.upload(pieces.toArray(AddArtifactsRequest[]::new)).getArtifacts(0).getIsCrcSuccessful());
    for (int round = 1; round <= 4; round++) {
      byte[] other = Ipc.ints(50_000, round * 1_000_000);
      byte[][] otherParts = split(other, (other.length + (32 << 10) - 1) / (32 << 10));
      List<AddArtifactsRequest> more = new java.util.ArrayList<>(
          List.of(rpc.begin("cache/other" + round, other.length, otherParts.length, Rpc.chunk(otherParts[0]))));
      for (int i = 1; i < otherParts.length; i++) {
        more.add(rpc.next(Rpc.chunk(otherParts[i])));
      }
      rpc.upload(more.toArray(AddArtifactsRequest[]::new));
    }
    List<Long> rows = read(rpc, "first");
    assertEquals(50_000, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals((long) i, rows.get(i), "row " + i);
    }
  }

  @Test
  void chunkedArtifactIsAssembledInOrder() throws Exception {
    Rpc rpc = start(1 << 20);
    byte[] ipc = Ipc.ints(100, 0);
    byte[][] parts = split(ipc, 3);
    AddArtifactsResponse r = rpc.upload(rpc.begin("cache/big", ipc.length, 3, Rpc.chunk(parts[0])),
        rpc.next(Rpc.chunk(parts[1])), rpc.next(Rpc.chunk(parts[2])));
    assertEquals(1, r.getArtifactsCount());
    assertTrue(r.getArtifacts(0).getIsCrcSuccessful());
    assertEquals(100, read(rpc, "big").size());
    assertEquals(99L, read(rpc, "big").get(99));

    AddArtifactsResponse bad = rpc.upload(rpc.begin("cache/bad", ipc.length, 3, Rpc.chunk(parts[0])),
        rpc.next(Rpc.badChunk(parts[1])), rpc.next(Rpc.chunk(parts[2])));
    assertFalse(bad.getArtifacts(0).getIsCrcSuccessful(), "one bad chunk fails the artifact");
    assertFalse(rpc.exists("cache/bad"));

    assertTrue(rpc.upload(rpc.begin("cache/one", 3, 1, Rpc.chunk(new byte[] {1, 2, 3})))
        .getArtifacts(0).getIsCrcSuccessful(), "a begin_chunk announcing one chunk is complete");
    assertTrue(rpc.exists("cache/one"));
  }

  private void expectNothingStored(Rpc rpc, String... names) throws Exception {
    ArtifactStatusesResponse s = rpc.status(names);
    for (String n : names) {
      assertFalse(s.getStatusesOrThrow(n).getExists(), n + " must not be visible after a failed upload");
    }
    assertEquals(0, spillFiles(), "no temp file left behind");
  }

  @Test
  void framingViolationsAreClearErrorsAndLeaveNothing() throws Exception {
    Rpc rpc = start(0); // everything spills, so leftover files would show
    byte[] ten = new byte[10];
    byte[] twenty = new byte[20];

    Errors e = Errors.thrownBy(() -> rpc.upload(rpc.next(Rpc.chunk(ten))));
    assertEquals(Status.Code.INTERNAL, e.code());
    assertEquals("java.lang.IllegalArgumentException", e.info().getReason());
    assertTrue(e.description().startsWith("requirement failed: chunk received without an open chunked artifact"),
        e.description());
    assertNull(e.errorClass());

    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/e", 30, 3, Rpc.chunk(ten)),
        rpc.begin("cache/f", 30, 3, Rpc.chunk(ten))));
    assertTrue(e.description().startsWith("requirement failed: begin_chunk for 'cache/f' while chunked artifact"
        + " 'cache/e' (1 of 3 chunks received) is still open"), e.description());
    expectNothingStored(rpc, "cache/e", "cache/f");

    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/g", 30, 3, Rpc.chunk(ten)), rpc.batch("cache/h", Rpc.chunk(ten))));
    assertTrue(e.description().startsWith("requirement failed: batch received while chunked artifact"), e.description());
    expectNothingStored(rpc, "cache/g", "cache/h");

    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/i", 20, 2, Rpc.chunk(ten)), rpc.next(Rpc.chunk(ten)),
        rpc.next(Rpc.chunk(ten))));
    assertTrue(e.description().startsWith("requirement failed: chunk received without an open chunked artifact"
        + " begun by begin_chunk (the last artifact, 'cache/i', is complete)"), e.description());
    expectNothingStored(rpc, "cache/i");

    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/m", 10, 0, Rpc.chunk(ten))));
    assertEquals("Excessive data chunks for artifact: cache/m, expected 0 chunks in total. Processed 0 bytes out of"
        + " 10 bytes.", e.description());
    assertEquals("java.lang.RuntimeException", e.info().getReason());

    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/j", 99, 2, Rpc.chunk(ten)), rpc.next(Rpc.chunk(ten))));
    assertEquals("Missing data chunks for artifact: cache/j. Expected 2 chunks and received 2 chunks. Processed 20"
        + " bytes out of 99 bytes.", e.description());
    expectNothingStored(rpc, "cache/j");

    // A begin_chunk that completes its artifact with a wrong total_bytes: Spark's framing require
    // (its length check runs only in chunk handling), not "Missing data chunks".
    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/n", 99, 1, Rpc.chunk(ten))));
    assertEquals("java.lang.IllegalArgumentException", e.info().getReason());
    assertEquals("requirement failed: begin_chunk completed chunked artifact 'cache/n' (10 bytes received,"
        + " total_bytes 99) with its initial chunk, and its length is not total_bytes", e.description());
    expectNothingStored(rpc, "cache/n");

    e = Errors.thrownBy(() -> rpc.upload(rpc.begin("cache/k", 30, 3, Rpc.chunk(ten)), rpc.next(Rpc.chunk(twenty))));
    // A stream that ends before the last chunk: Spark's end-of-stream require, not a count of what is missing.
    assertTrue(e.description().startsWith("requirement failed: the stream ended inside chunked artifact"),
        e.description());
    assertEquals("java.lang.IllegalArgumentException", e.info().getReason());
    expectNothingStored(rpc, "cache/k");

    e = Errors.thrownBy(() -> rpc.upload(rpc.batch("cache/ok", Rpc.chunk(ten)), rpc.artifacts().build()));
    assertTrue(e.description().startsWith("Unsupported data transfer request: session_id: \""), e.description());
    assertEquals("java.lang.UnsupportedOperationException", e.info().getReason());
    expectNothingStored(rpc, "cache/ok");

    e = Errors.thrownBy(rpc::upload);
    assertEquals(Status.Code.UNKNOWN, e.code(), "an empty stream, as Spark answers it");
    assertNull(e.errorId());
  }

  @Test
  void namesThatEscapeTheirDirectoryAreRefused() throws Exception {
    Rpc rpc = start(1 << 20);
    for (String name : List.of("../evil", "/etc/evil", "", "cache/..", "cache/../../evil")) {
      Errors e = Errors.thrownBy(() -> rpc.upload(rpc.batch(name, Rpc.chunk(new byte[] {1}))))
          .expectClass("INVALID_ARTIFACT_PATH", "22023");
      assertEquals("[INVALID_ARTIFACT_PATH] Artifact with name " + name + " is invalid. The name must be a relative"
          + " path and cannot reference parent/sibling/nephew directories. SQLSTATE: 22023", e.description());
      assertEquals("org.apache.spark.SparkRuntimeException", e.info().getReason());
    }
    Errors.thrownBy(() -> rpc.upload(rpc.begin("../evil2", 1, 1, Rpc.chunk(new byte[] {1}))))
        .expectClass("INVALID_ARTIFACT_PATH", "22023");

    // SRV-ART-008: cache/ names whose key is not a simple key are refused, not normalised.
    for (String name : List.of("cache/", "cache/../x", "cache/x/../y", "cache/./y", "cache/a/b",
        "cache/h%2F", "cache/" + "a".repeat(129))) {
      Errors e = Errors.thrownBy(() -> rpc.upload(rpc.batch(name, Rpc.chunk(new byte[] {3}))));
      assertTrue(e.description().contains("not a simple key"), e.description());
    }
    assertFalse(rpc.exists("cache/y"));
    assertFalse(rpc.exists("cache/x/../y"));
    rpc.put("cache/" + "a".repeat(128), new byte[] {3});
    assertTrue(rpc.exists("cache/" + "a".repeat(128)));
  }

  @Test
  void reuploadOfAnExistingHashIsANoOp() throws Exception {
    Rpc rpc = start(1 << 20);
    rpc.put("cache/h", Ipc.ints(2, 0));
    assertTrue(rpc.upload(rpc.batch("cache/h", Rpc.chunk(Ipc.ints(5, 100)))).getArtifacts(0).getIsCrcSuccessful());
    assertEquals(List.of(0L, 1L), read(rpc, "h"), "first content wins");
  }

  @Test
  void artifactStatusAnswersEveryNameExactly() throws Exception {
    Rpc rpc = start(1 << 20);
    rpc.put("cache/h", new byte[] {1});
    rpc.put("jars/x.jar", new byte[] {1});
    ArtifactStatusesResponse s = rpc.status("cache/h", "h", "cache/./h", "CACHE/h", "jars/x.jar", "cache/none");
    assertEquals(6, s.getStatusesCount());
    assertTrue(s.getStatusesOrThrow("cache/h").getExists());
    for (String n : List.of("h", "cache/./h", "CACHE/h", "jars/x.jar", "cache/none")) {
      assertFalse(s.getStatusesOrThrow(n).getExists(), n);
    }
    Rpc other = new Rpc(t, TestServer.newSessionId());
    assertFalse(other.exists("cache/h"), "another session never sees the blob");
  }

  @Test
  void sessionIsBoundFromTheFirstMessage() throws Exception {
    Rpc rpc = start(1 << 20);
    Rpc other = new Rpc(t, TestServer.newSessionId());
    rpc.upload(rpc.batch("cache/p", Rpc.chunk(new byte[] {1})), other.batch("cache/q", Rpc.chunk(new byte[] {2})));
    assertTrue(rpc.exists("cache/q"));
    assertFalse(other.exists("cache/q"));
  }

  @Test
  void blobsOverTheBudgetSpillToFilesThatGoAwayWithTheSession() throws Exception {
    byte[] ipc = Ipc.ints(200, 0);
    byte[][] parts = split(ipc, 4);
    // The first chunk fits the budget, the second does not: the blob moves to a file mid-upload.
    Rpc rpc = start(parts[0].length);
    rpc.upload(rpc.begin("cache/big", ipc.length, 4, Rpc.chunk(parts[0])), rpc.next(Rpc.chunk(parts[1])),
        rpc.next(Rpc.chunk(parts[2])), rpc.next(Rpc.chunk(parts[3])));
    rpc.put("cache/small", new byte[] {1, 2, 3});
    assertEquals(1, spillFiles(), "the big blob spilled, the small one fits in memory");
    assertEquals(200, read(rpc, "big").size(), "a spilled blob reads back whole");

    t.blocking.releaseSession(ReleaseSessionRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).build());
    assertEquals(0, spillFiles(), "releasing the session frees its files");
    List<Path> spares = files("spare-");
    assertEquals(1, spares.size(), "the freed file is kept as a spare");
    assertEquals(ipc.length, Files.size(spares.get(0)));
    assertEquals(ipc.length, t.server.storeBytesInUse(), "a spare counts against the store capacity");

    // The next spilled blob, shorter and different, overwrites the spare and is cut to its length.
    byte[] shorter = Ipc.ints(150, 1000);
    byte[][] halves = split(shorter, 2);
    Rpc next = new Rpc(t, TestServer.newSessionId());
    next.upload(next.begin("cache/next", shorter.length, 2, Rpc.chunk(halves[0])), next.next(Rpc.chunk(halves[1])));
    assertEquals(0, files("spare-").size(), "the spare was taken");
    List<Path> blobFiles = files("blob-");
    assertEquals(1, blobFiles.size());
    assertEquals(shorter.length, Files.size(blobFiles.get(0)), "the spare's tail is cut off");
    assertEquals(shorter.length, t.server.storeBytesInUse());
    List<Long> expected = new ArrayList<>();
    LongStream.range(1000, 1150).forEach(expected::add);
    assertEquals(expected, read(next, "next"), "the new blob reads back, none of the old bytes");
  }

  @Test
  void cancelledUploadLeavesNothing() throws Exception {
    Rpc rpc = start(0);
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    ClientResponseObserver<AddArtifactsRequest, AddArtifactsResponse> obs = new ClientResponseObserver<>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<AddArtifactsRequest> requestStream) { }

      @Override
      public void onNext(AddArtifactsResponse value) { }

      @Override
      public void onError(Throwable t) {
        done.countDown();
      }

      @Override
      public void onCompleted() {
        done.countDown();
      }
    };
    ClientCallStreamObserver<AddArtifactsRequest> in =
        (ClientCallStreamObserver<AddArtifactsRequest>) t.async.addArtifacts(obs);
    in.onNext(rpc.begin("cache/c", 30, 3, Rpc.chunk(new byte[10])));
    in.onNext(rpc.next(Rpc.chunk(new byte[10])));
    long deadline = System.currentTimeMillis() + 5000;
    while (spillFiles() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, spillFiles(), "the upload was being written to a temp file");
    in.cancel("client gave up", null);
    done.await();
    deadline = System.currentTimeMillis() + 5000;
    while (spillFiles() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    expectNothingStored(rpc, "cache/c");
  }
}
