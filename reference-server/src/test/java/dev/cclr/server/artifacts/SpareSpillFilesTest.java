package dev.cclr.server.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.UserContext;
import dev.cclr.server.config.ConfigRegistry;
import dev.cclr.server.errors.ErrorReporter;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.relations.ipc.ChannelInputStream;
import dev.cclr.server.sessions.ErrorResponder;
import dev.cclr.server.sessions.SessionFactory;
import dev.cclr.server.sessions.SessionManager;
import io.grpc.stub.StreamObserver;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spill directory keeps freed blobs' files as spares and the next spill overwrites one
 * (SpillDirectory); spill writes are gathered in staging buffers (StagingBuffers). What a blob
 * reads back is exactly what was written, whatever the spare held before and however the pieces
 * fall across the staging buffer; spares count against the capacity and give way to blobs; a
 * file is never recycled while a mapping of it is pinned.
 */
class SpareSpillFilesTest {

  @TempDir Path dir;

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Writes {@code data} in pieces of the given sizes, cycling through them, with no memory budget. */
  private static Blob spill(SpillDirectory spillDir, byte[] data, int... pieces) throws Exception {
    try (BlobWriter w = new BlobWriter(new MemoryBudget(0), spillDir)) {
      int at = 0;
      for (int i = 0; at < data.length; i++) {
        int n = Math.min(pieces[i % pieces.length], data.length - at);
        w.write(ByteString.copyFrom(data, at, n));
        at += n;
      }
      return w.finish();
    }
  }

  private static byte[] read(Blob blob) throws Exception {
    try (InputStream in = blob.openRetained()) {
      return in.readAllBytes();
    }
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFreedBlobsFileIsASpareThatTheNextSpillOverwritesAndCuts() throws Exception {
    SpillDirectory spillDir = SpillDirectory.unbounded(dir);
    byte[] first = bytes(3 * StagingBuffers.BUFFER_BYTES + 12_345, 1);
    Blob a = spill(spillDir, first, 32 << 10);
    assertArrayEquals(first, read(a));
    a.release();
    assertEquals(List.of("spare-1"), names().stream().filter(n -> n.startsWith("spare-")).toList());
    assertEquals(first.length, spillDir.used());
    assertEquals(first.length, spillDir.spareBytes());

    // Shorter, and in pieces that straddle the staging buffer's end.
    byte[] second = bytes(StagingBuffers.BUFFER_BYTES + 777, 2);
    Blob b = spill(spillDir, second, 100_000, 1, 200_003);
    assertEquals(0, spillDir.spareBytes(), "the spare was taken");
    assertEquals(1, names().size());
    assertTrue(names().get(0).startsWith("blob-"), names().toString());
    assertEquals(second.length, Files.size(dir.resolve(names().get(0))), "the spare's tail is cut off");
    assertEquals(second.length, spillDir.used());
    assertArrayEquals(second, read(b), "only the new bytes read back");

    // Longer than the spare it overwrites; pieces as long as a buffer, met with an empty one, skip it.
    b.release();
    byte[] third = bytes(5 * StagingBuffers.BUFFER_BYTES, 3);
    Blob c = spill(spillDir, third, StagingBuffers.BUFFER_BYTES + 3, 7, StagingBuffers.BUFFER_BYTES, 32 << 10);
    assertArrayEquals(third, read(c));
    assertEquals(third.length, spillDir.used());
    c.release();
    assertEquals(1, spillDir.staging().made(), "one writer at a time: each gave its buffer back");
    assertTrue(spillDir.dropSpares());
    assertEquals(List.of(), names());
    assertEquals(0, spillDir.used());
    assertFalse(spillDir.dropSpares(), "nothing left to drop");
  }

  @Test
  void aWriterWithoutAStagingBufferWritesItsPiecesAsTheyCome() throws Exception {
    SpillDirectory spillDir = SpillDirectory.unbounded(dir);
    List<ByteBuffer> taken = new ArrayList<>();
    for (ByteBuffer b; (b = spillDir.staging().take()) != null; ) {
      taken.add(b);
    }
    assertEquals(StagingBuffers.MAX_BUFFERS, taken.size(), "the pool is bounded");
    byte[] data = bytes(StagingBuffers.BUFFER_BYTES * 2 + 5, 4);
    Blob blob = spill(spillDir, data, 32 << 10);
    assertArrayEquals(data, read(blob));
    taken.forEach(spillDir.staging()::give);
    assertNotNull(spillDir.staging().take());
    assertEquals(StagingBuffers.MAX_BUFFERS, spillDir.staging().made(), "given-back buffers are reused");
    blob.release();
  }

  @Test
  void sparesCountAgainstTheCapacityAndGiveWayToANewBlob() throws Exception {
    int size = 100_000;
    SpillDirectory spillDir = new SpillDirectory(dir, 2L * size);
    Blob a = spill(spillDir, bytes(size, 5), 4096);
    Blob b = spill(spillDir, bytes(size, 6), 4096);
    a.release();
    assertEquals(2L * size, spillDir.used(), "the spare still holds its bytes");
    b.release();
    // Growing past the spare it takes needs room that only deleting the other spare gives.
    byte[] big = bytes(2 * size, 7);
    Blob c = spill(spillDir, big, 4096);
    assertArrayEquals(big, read(c));
    assertEquals(0, spillDir.spareBytes(), "the other spare was deleted to make room");
    assertEquals(2L * size, spillDir.used());
    assertThrows(StoreFullException.class, () -> spill(spillDir, bytes(1, 8), 1),
        "with no spare left, a full capacity refuses");
    assertEquals(1, names().size(), "the refused blob's file is gone");
    c.release();
  }

  @Test
  void aFileIsRecycledOnlyWhenItsLastPinGoes() throws Exception {
    SpillDirectory spillDir = SpillDirectory.unbounded(dir);
    Blob blob = spill(spillDir, bytes(10_000, 9), 4096);
    Runnable unpin;
    try (InputStream in = blob.openRetained()) {
      unpin = ((ChannelInputStream) in).pin();
    }
    blob.release();
    assertEquals(0, spillDir.spareBytes(), "a pinned file is not a spare");
    assertTrue(names().get(0).startsWith("blob-"));
    unpin.run();
    assertEquals(10_000, spillDir.spareBytes(), "recycled when the pin went");
    assertTrue(names().get(0).startsWith("spare-"));
  }

  @Test
  void sparesAreBoundedInNumber() throws Exception {
    SpillDirectory spillDir = SpillDirectory.unbounded(dir);
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < SpillDirectory.MAX_SPARE_FILES + 3; i++) {
      blobs.add(spill(spillDir, bytes(10, i), 10));
    }
    blobs.forEach(Blob::release);
    assertEquals(SpillDirectory.MAX_SPARE_FILES, names().size(), "the rest were deleted");
    assertEquals(10L * SpillDirectory.MAX_SPARE_FILES, spillDir.used());
  }

  @Test
  void aCallOfManyArtifactsHoldsOneStagingBufferAtATime() throws Exception {
    SpillDirectory spillDir = SpillDirectory.unbounded(dir);
    SessionManager sessions = new SessionManager(new SessionFactory(
        new ConfigRegistry(ErrorStyle.SPARK_4_2), new MemoryBudget(0), spillDir));
    ErrorResponder errors = new ErrorResponder(new ErrorReporter(ErrorStyle.SPARK_4_2), sessions);
    List<AddArtifactsResponse> responses = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    AddArtifactsStream call = new AddArtifactsStream(sessions, errors, new StreamObserver<>() {
      @Override public void onNext(AddArtifactsResponse r) {
        responses.add(r);
      }

      @Override public void onError(Throwable t) {
        failures.add(t);
      }

      @Override public void onCompleted() {}
    });
    AddArtifactsRequest.Builder base = AddArtifactsRequest.newBuilder().setSessionId(UUID.randomUUID().toString())
        .setUserContext(UserContext.newBuilder().setUserId("u"));
    int artifacts = StagingBuffers.MAX_BUFFERS + 4;
    for (int i = 0; i < artifacts; i++) {
      byte[] first = bytes(40_000, 100 + i);
      byte[] second = bytes(30_000, 200 + i);
      call.onNext(base.clone().setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
          .setName("cache/a" + i).setTotalBytes(first.length + second.length).setNumChunks(2)
          .setInitialChunk(piece(first))).build());
      call.onNext(base.clone().setChunk(piece(second)).build());
      assertEquals(0, spillDir.staging().live(), "artifact " + i + " gave its buffer back when it was complete");
    }
    call.onCompleted();
    assertEquals(List.of(), failures);
    assertEquals(artifacts, responses.get(0).getArtifactsCount());
    assertEquals(1, spillDir.staging().made(), "every artifact was staged, through the same buffer");
    sessions.closeAll();
  }

  private static AddArtifactsRequest.ArtifactChunk piece(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(data)).setCrc(crc.getValue()).build();
  }
}
