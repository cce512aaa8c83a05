package dev.cclr.server.execution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
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
  static byte[] encode(VectorSchemaRoot root, int offset, int length) {
    if (offset == 0 && length == root.getRowCount()) {
      return write(root);
    }
    try (VectorSchemaRoot slice = root.slice(offset, length)) {
      return write(slice);
    }
  }

  /** A stream with the schema and a batch of zero rows, which Spark sends for an empty result. */
  static byte[] empty(Schema schema, BufferAllocator allocator) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      root.setRowCount(0);
      return write(root);
    }
  }

  private static byte[] write(VectorSchemaRoot root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
