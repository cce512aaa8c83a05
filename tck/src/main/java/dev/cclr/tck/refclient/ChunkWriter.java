package dev.cclr.tck.refclient;

import dev.cclr.tck.arrow.ArrowIpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Cuts local data into data chunks (spec §11.1 step 2): each a complete Arrow IPC stream of at
 * most {@code chunkRows} rows (CLI-ALG-003) whose size stays within {@code chunkBytes} unless a
 * single row is larger (CLI-ALG-004: halving the rows until the chunk fits keeps well inside the
 * spec's tolerance).
 */
final class ChunkWriter {

  /** The input's Arrow schema and its chunks. */
  record Chunked(Schema schema, long rows, List<byte[]> chunks) {}

  private ChunkWriter() {}

  static Chunked cut(Path arrowFile, int chunkRows, long chunkBytes) {
    List<byte[]> chunks = new ArrayList<>();
    long rows = 0;
    try (BufferAllocator allocator = new RootAllocator();
        SeekableByteChannel channel = Files.newByteChannel(arrowFile);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        int count = root.getRowCount();
        rows += count;
        int start = 0;
        while (start < count) {
          int length = Math.min(chunkRows, count - start);
          byte[] chunk = write(root, start, length);
          while (chunk.length > chunkBytes && length > 1) {
            length = Math.max(1, length / 2);
            chunk = write(root, start, length);
          }
          chunks.add(chunk);
          start += length;
        }
      }
      return new Chunked(root.getSchema(), rows, chunks);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input " + arrowFile, e);
    }
  }

  private static byte[] write(VectorSchemaRoot root, int start, int length) {
    try (VectorSchemaRoot slice = root.slice(start, length)) {
      return ArrowIpc.write(slice);
    }
  }
}
