package dev.cclr.tck.arrow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow IPC files (the driver contract's input and output format) from IPC streams. */
public final class ArrowFiles {
  private ArrowFiles() {}

  /**
   * Writes the record batches of the streams, in order, into one Arrow IPC file. The streams must
   * share one schema; with no streams, {@code emptySchema} is written with no batches.
   */
  public static void writeStreams(List<byte[]> streams, Schema emptySchema, Path file) {
    try (BufferAllocator allocator = new RootAllocator()) {
      Schema schema = streams.isEmpty() ? emptySchema : schemaOf(streams.get(0), allocator);
      try (VectorSchemaRoot target = VectorSchemaRoot.create(schema, allocator);
          FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(target, null, channel)) {
        writer.start();
        VectorLoader loader = new VectorLoader(target);
        for (byte[] stream : streams) {
          try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator,
              CommonsCompressionFactory.INSTANCE)) {
            if (!reader.getVectorSchemaRoot().getSchema().equals(schema)) {
              throw new IllegalArgumentException("result batches disagree on the schema: " + schema + " vs "
                  + reader.getVectorSchemaRoot().getSchema());
            }
            while (reader.loadNextBatch()) {
              try (ArrowRecordBatch batch = new VectorUnloader(reader.getVectorSchemaRoot()).getRecordBatch()) {
                loader.load(batch);
                writer.writeBatch();
              }
            }
          }
        }
        writer.end();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Arrow file " + file, e);
    }
  }

  private static Schema schemaOf(byte[] stream, BufferAllocator allocator) throws IOException {
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
      return reader.getVectorSchemaRoot().getSchema();
    }
  }
}
