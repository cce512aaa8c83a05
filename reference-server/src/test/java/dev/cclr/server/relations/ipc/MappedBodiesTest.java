package dev.cclr.server.relations.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spill-file bodies are mapped, not read (MappedBodies): the values are the file's, the mapping
 * shows in /proc/self/maps while a batch or a retained stored body holds it, it survives the file's
 * deletion, and it is gone the moment the last reference goes. Small bodies are read as before.
 */
class MappedBodiesTest {

  @TempDir Path dir;

  /** One batch of {@code bigRows} longs (a body of 8 bytes a row), then one of 10 rows. */
  private Path stream(int bigRows) throws IOException {
    Path file = dir.resolve("blob-" + bigRows);
    try (BufferAllocator a = new RootAllocator();
        BigIntVector v = new BigIntVector("id", a);
        VectorSchemaRoot root = VectorSchemaRoot.of(v);
        OutputStream out = Files.newOutputStream(file);
        ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
      w.start();
      for (int rows : List.of(bigRows, 10)) {
        v.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
          v.set(i, 7L * i + rows);
        }
        root.setRowCount(rows);
        w.writeBatch();
      }
      w.end();
    }
    return file;
  }

  /** As FileBlob opens spill files: for reading and writing (a private mapping needs both). */
  private static ChunkSource source(Path file) {
    return source(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static ChunkSource source(Path file, OpenOption... options) {
    return source(file, new AtomicInteger(), options);
  }

  /** A source whose streams count the pins held on the file in {@code pins}. */
  private static ChunkSource source(Path file, AtomicInteger pins, OpenOption... options) {
    return new ChunkSource() {
      @Override
      public long size() {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public InputStream open() throws IOException {
        return new ChannelInputStream(FileChannel.open(file, options), () -> {}, () -> {
          pins.incrementAndGet();
          AtomicBoolean once = new AtomicBoolean();
          return () -> {
            if (!once.compareAndSet(false, true)) {
              throw new AssertionError("unpinned twice");
            }
            pins.decrementAndGet();
          };
        });
      }
    };
  }

  private static boolean mapped(Path file) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.contains(file.toString()));
  }

  private static void assertValues(VectorSchemaRoot root, int rows) {
    BigIntVector v = (BigIntVector) root.getVector(0);
    assertEquals(rows, root.getRowCount());
    for (int i = 0; i < rows; i++) {
      assertEquals(7L * i + rows, v.get(i), "row " + i);
    }
  }

  @Test
  void largeBodiesAreMappedUntilTheLastReferenceGoes() throws IOException {
    int rows = (int) (MappedBodies.MIN_MAPPED_BYTES / 8) + 1000;
    Path file = stream(rows);
    try (BufferAllocator allocator = new RootAllocator()) {
      StoredBatch kept;
      try (ChunkReader reader = ChunkReader.open(source(file), allocator, Long.MAX_VALUE)) {
        assertTrue(reader.loadNextBatch());
        assertValues(reader.root(), rows);
        assertTrue(mapped(file), "the large body is a mapping of the file");
        kept = reader.stored();
        assertNotNull(kept, "an uncompressed aligned batch can be sent as stored");
        kept.body().getReferenceManager().retain();
        assertTrue(reader.loadNextBatch());
        assertValues(reader.root(), 10);
        assertFalse(reader.loadNextBatch());
      }
      // The reader is closed and the file deleted; the retained body still reads the file's bytes.
      Files.delete(file);
      ArrowBuf body = kept.body();
      assertTrue(mapped(file), "a retained body keeps its mapping");
      long firstId = body.getLong(validityBytes(rows));
      assertEquals(rows, firstId, "row 0 of the retained body");
      body.setLong(validityBytes(rows), -1L);
      assertEquals(-1L, body.getLong(validityBytes(rows)), "a write lands in a private copy of the page, without a fault");
      kept.close();
      body.getReferenceManager().release();
      assertFalse(mapped(file), "unmapped when the last reference went");
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  /** Arrow's writer pads the validity buffer to 8 bytes before the values. */
  private static long validityBytes(int rows) {
    return ((rows + 7) / 8 + 7) / 8 * 8;
  }

  @Test
  void aMappedBodyPinsTheFileUntilItIsUnmapped() throws IOException {
    int rows = (int) (MappedBodies.MIN_MAPPED_BYTES / 8) + 1000;
    Path file = stream(rows);
    AtomicInteger pins = new AtomicInteger();
    try (BufferAllocator allocator = new RootAllocator()) {
      StoredBatch kept;
      try (ChunkReader reader = ChunkReader.open(source(file, pins, StandardOpenOption.READ, StandardOpenOption.WRITE), allocator, Long.MAX_VALUE)) {
        assertTrue(reader.loadNextBatch());
        assertEquals(1, pins.get(), "the mapped body pins the file");
        kept = reader.stored();
        kept.body().getReferenceManager().retain();
        assertTrue(reader.loadNextBatch());
        assertEquals(1, pins.get(), "the small body is read, not pinned");
        assertFalse(reader.loadNextBatch());
      }
      assertEquals(1, pins.get(), "the pin outlives the reader while the body is held");
      ArrowBuf body = kept.body();
      kept.close();
      body.getReferenceManager().release();
      assertEquals(0, pins.get(), "unpinned when the mapping went");
    }
  }

  @Test
  void aWriteIntoAMappedBodyNeverReachesTheFile() throws IOException {
    int rows = (int) (MappedBodies.MIN_MAPPED_BYTES / 8) + 1000;
    Path file = stream(rows);
    byte[] before = Files.readAllBytes(file);
    try (BufferAllocator allocator = new RootAllocator();
        ChunkReader reader = ChunkReader.open(source(file), allocator, Long.MAX_VALUE)) {
      assertTrue(reader.loadNextBatch());
      BigIntVector v = (BigIntVector) reader.root().getVector(0);
      v.set(0, 42L);
      assertEquals(42L, v.get(0));
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the stored blob is unchanged");
  }

  @Test
  void aReadOnlyChannelIsReadNotMapped() throws IOException {
    int rows = (int) (MappedBodies.MIN_MAPPED_BYTES / 8) + 1000;
    Path file = stream(rows);
    try (BufferAllocator allocator = new RootAllocator();
        ChunkReader reader = ChunkReader.open(source(file, StandardOpenOption.READ), allocator, Long.MAX_VALUE)) {
      assertTrue(reader.loadNextBatch());
      assertValues(reader.root(), rows);
      assertFalse(mapped(file), "a private mapping needs a writable channel; the body is read instead");
      assertTrue(reader.loadNextBatch());
      assertFalse(reader.loadNextBatch());
    }
  }

  @Test
  void smallBodiesAreRead() throws IOException {
    int rows = (int) (MappedBodies.MIN_MAPPED_BYTES / 8) - 1000;
    Path file = stream(rows);
    try (BufferAllocator allocator = new RootAllocator();
        ChunkReader reader = ChunkReader.open(source(file), allocator, Long.MAX_VALUE)) {
      assertTrue(reader.loadNextBatch());
      assertValues(reader.root(), rows);
      assertFalse(mapped(file), "a body under the threshold is read into Arrow memory");
      assertTrue(reader.loadNextBatch());
      assertFalse(reader.loadNextBatch());
    }
  }
}
