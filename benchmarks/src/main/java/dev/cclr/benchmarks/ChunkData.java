package dev.cclr.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The bench's data shape ({@code id BIGINT NOT NULL, s STRING} of 1000 characters), made here
 * rather than taken from the TCK so this module depends on the reference server only.
 */
final class ChunkData {
  static final int STRING_LENGTH = 1000;
  static final Schema SCHEMA = new Schema(List.of(
      new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
      new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

  private ChunkData() {}

  /** A root holding {@code rows} rows (the caller closes it). */
  static VectorSchemaRoot root(BufferAllocator allocator, int rows) {
    byte[] pool = new byte[64 * 1024];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < pool.length; i++) {
      pool[i] = (byte) ('a' + random.nextInt(26));
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
    BigIntVector ids = (BigIntVector) root.getVector(0);
    VarCharVector strings = (VarCharVector) root.getVector(1);
    ids.allocateNew(rows);
    strings.allocateNew((long) rows * STRING_LENGTH, rows);
    for (int i = 0; i < rows; i++) {
      ids.set(i, i);
      strings.set(i, pool, (int) ((i * 7919L) % (pool.length - STRING_LENGTH)), STRING_LENGTH);
    }
    root.setRowCount(rows);
    return root;
  }

  /** About {@code bytes} of IPC stream: batches of 4096 rows, as the bench's chunks. */
  static byte[] chunk(BufferAllocator allocator, int bytes) {
    int rows = bytes / (STRING_LENGTH + 13);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 65536);
    try (VectorSchemaRoot all = root(allocator, rows);
        VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(batch, null, Channels.newChannel(out))) {
      writer.start();
      for (int from = 0; from < rows; from += 4096) {
        int n = Math.min(4096, rows - from);
        try (VectorSchemaRoot slice = all.slice(from, n)) {
          org.apache.arrow.vector.VectorUnloader unloader = new org.apache.arrow.vector.VectorUnloader(slice);
          try (org.apache.arrow.vector.ipc.message.ArrowRecordBatch rb = unloader.getRecordBatch()) {
            new org.apache.arrow.vector.VectorLoader(batch).load(rb);
          }
        }
        writer.writeBatch();
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
