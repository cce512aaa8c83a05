package dev.cclr.tck.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One relation of the bench, generated once and kept in a file, not on the heap: chunk {@code i}
 * holds rows {@code [i * rowsPerChunk, (i + 1) * rowsPerChunk)} as an Arrow IPC stream, named
 * {@code cache/<sha256>}. Generating and hashing happen here, before any timing; uploads read the
 * chunks back through a memory map (the page cache), so an 8 GiB relation costs the client no heap.
 *
 * @param file the chunks, back to back
 * @param layout what was asked for and how it was cut
 * @param chunks each chunk's place in the file and its sha256
 * @param expected the checksum of all rows, known from the generator
 */
public record DataSet(Path file, Layout layout, List<Chunk> chunks, BenchData.RowChecksum expected)
    implements AutoCloseable {

  public record Chunk(long offset, int size, String sha256) {
    public String name() {
      return "cache/" + sha256;
    }
  }

  /**
   * How a relation of about {@code requestedBytes} is cut: {@code chunks} chunks of {@code
   * rowsPerChunk} rows, each at most {@code chunkBytes} bytes (the last chunk has the same rows as
   * the others, so the relation is at most {@code requestedBytes}, a little less in practice).
   */
  public record Layout(long requestedBytes, int chunkBytes, long seed, int rowsPerChunk, int chunks) {
    public static Layout of(long requestedBytes, long chunkBytes, long seed) {
      if (chunkBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("a chunk must be below 2 GiB");
      }
      int rows = BenchData.rowsPerChunk((int) chunkBytes);
      int chunks = (int) Math.max(1, (requestedBytes + chunkBytes - 1) / chunkBytes);
      return new Layout(requestedBytes, (int) chunkBytes, seed, rows, chunks);
    }

    public long totalRows() {
      return (long) rowsPerChunk * chunks;
    }
  }

  public static DataSet generate(Layout layout, Path dir) {
    BenchData data = BenchData.of(layout.seed());
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "cclr-bench-" + Sizes.format(layout.requestedBytes()) + "-", ".arrows");
      List<Chunk> chunks = new ArrayList<>();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        long offset = 0;
        for (int i = 0; i < layout.chunks(); i++) {
          byte[] bytes = data.encode((long) i * layout.rowsPerChunk(), layout.rowsPerChunk(), BenchData.BATCH_ROWS);
          sha.reset();
          String hash = HexFormat.of().formatHex(sha.digest(bytes));
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
          chunks.add(new Chunk(offset, bytes.length, hash));
          offset += bytes.length;
        }
      }
      return new DataSet(file, layout, List.copyOf(chunks), data.checksum(0, layout.totalRows()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bench data to " + dir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes of all data chunks (the relation's size; the schema blob is not counted). */
  public long totalBytes() {
    return chunks.stream().mapToLong(Chunk::size).sum();
  }

  public long totalRows() {
    return layout.totalRows();
  }

  public ByteString schemaBlob() {
    return ByteString.copyFrom(BenchData.SCHEMA_JSON, StandardCharsets.UTF_8);
  }

  public String schemaName() {
    return "cache/" + sha256(schemaBlob());
  }

  /** Chunk {@code i}, mapped read-only from the file (no copy on the heap). */
  public ByteString chunkBytes(int i) {
    Chunk chunk = chunks.get(i);
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      return UnsafeByteOperations.unsafeWrap(in.map(FileChannel.MapMode.READ_ONLY, chunk.offset(), chunk.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(ByteString bytes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes.asReadOnlyByteBuffer());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temp file is harmless.
    }
  }
}
