package dev.cclr.server.execution;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Encodes result rows the way Spark sends them in ArrowBatch.data: a complete Arrow IPC stream
 * holding the schema, one record batch and the end-of-stream marker.
 */
final class ArrowIpc {

  /** The end-of-stream marker ArrowStreamWriter writes: continuation marker, zero length. */
  static final ByteString END_OF_STREAM =
      ByteString.copyFrom(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});

  private ArrowIpc() {}

  /** The schema message alone, as ArrowStreamWriter starts a stream. */
  static ByteString schemaMessage(Schema schema) {
    PagedOutput out = new PagedOutput();
    try {
      MessageSerializer.serialize(new WriteChannel(out), schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteString();
  }

  /** The 8 bytes before a message's metadata: continuation marker, metadata length (little-endian). */
  static ByteString messagePrefix(int metadataLength) {
    byte[] b = new byte[8];
    java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(metadataLength);
    return com.google.protobuf.UnsafeByteOperations.unsafeWrap(b);
  }

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
