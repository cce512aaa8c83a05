package dev.cclr.server.execution;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Encodes result rows the way Spark sends them in ArrowBatch.data: a complete Arrow IPC stream
 * holding the schema, one record batch and the end-of-stream marker.
 */
final class ArrowIpc {

  private ArrowIpc() {}

  /** Rows [offset, offset + length) of the root as one IPC stream. */
  static ByteString encode(VectorSchemaRoot root, int offset, int length) {
    if (offset == 0 && length == root.getRowCount()) {
      return write(root);
    }
    try (VectorSchemaRoot slice = root.slice(offset, length)) {
      return write(slice);
    }
  }

  /** A stream with the schema and a batch of zero rows, which Spark sends for an empty result. */
  static ByteString empty(Schema schema, BufferAllocator allocator) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      root.setRowCount(0);
      return write(root);
    }
  }

  /** Into pages (see {@link PagedOutput}): one copy of the Arrow buffers, no humongous array. */
  private static ByteString write(VectorSchemaRoot root) {
    PagedOutput out = new PagedOutput();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteString();
  }
}
