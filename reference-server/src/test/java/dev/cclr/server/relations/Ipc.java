package dev.cclr.server.relations;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds Arrow IPC streams (one chunk each) for tests. */
final class Ipc {

  interface Filler {
    /** Fills the root (already allocated) and sets its row count. */
    void fill(VectorSchemaRoot root);
  }

  private Ipc() {}

  static Field field(String name, boolean nullable, ArrowType type, Field... children) {
    return new Field(name, new FieldType(nullable, type, null), List.of(children));
  }

  static Schema schema(Field... fields) {
    return new Schema(Arrays.asList(fields));
  }

  static byte[] stream(BufferAllocator allocator, Schema schema, Filler... batches) {
    return stream(allocator, schema, CompressionUtil.CodecType.NO_COMPRESSION, batches);
  }

  static byte[] stream(BufferAllocator allocator, Schema schema, CompressionUtil.CodecType codec,
      Filler... batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
         ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out),
             IpcOption.DEFAULT, codec == CompressionUtil.CodecType.NO_COMPRESSION
                 ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE,
             codec)) {
      writer.start();
      for (Filler f : batches) {
        root.clear();
        root.allocateNew();
        f.fill(root);
        writer.writeBatch();
      }
      writer.end();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  /** One nullable INT column named {@code name} holding the values (null for null). */
  static byte[] ints(BufferAllocator allocator, String name, boolean nullable, Integer... values) {
    return stream(allocator, schema(field(name, nullable, new ArrowType.Int(32, true))), root -> {
      IntVector v = (IntVector) root.getVector(0);
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          v.setNull(i);
        } else {
          v.setSafe(i, values[i]);
        }
      }
      root.setRowCount(values.length);
    });
  }
}
