package dev.cclr.server.relations.ipc;

import dev.cclr.server.schema.SparkExceptionKind;
import java.io.IOException;
import java.io.InputStream;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One complete Arrow IPC stream (schema message, any number of batches, end marker or end of
 * input), read batch by batch into a reused root. Compressed bodies (ZSTD, LZ4_FRAME) are
 * decompressed. Every loaded batch is validated (offsets, buffer sizes) so that corrupt data
 * fails here instead of reaching a consumer. Failures are SparkErrors carrying the underlying
 * exception as Spark reports such plain exceptions (e.g. IOException "Unexpected end of input.
 * Missing schema." for an empty stream).
 */
final class ChunkReader implements AutoCloseable {

  private final InputStream input;
  private final ArrowStreamReader reader;

  private ChunkReader(InputStream input, ArrowStreamReader reader) {
    this.input = input;
    this.reader = reader;
  }

  static ChunkReader open(ChunkSource source, BufferAllocator allocator) {
    InputStream in;
    try {
      in = source.open();
    } catch (IOException e) {
      throw SparkExceptionKind.plain(e);
    }
    ArrowStreamReader reader = new ArrowStreamReader(
        new BoundedMessageReader(in, source.size(), allocator), allocator,
        CommonsCompressionFactory.INSTANCE);
    return new ChunkReader(in, reader);
  }

  /** Reads the schema message if not read yet. */
  Schema schema() {
    return root().getSchema();
  }

  VectorSchemaRoot root() {
    try {
      return reader.getVectorSchemaRoot();
    } catch (IOException | RuntimeException e) {
      throw SparkExceptionKind.plain(e);
    }
  }

  /** Loads the next batch into {@link #root()}; false at the end of the stream. */
  boolean loadNextBatch() {
    try {
      if (!reader.loadNextBatch()) {
        return false;
      }
      BatchValidator.validate(reader.getVectorSchemaRoot());
      return true;
    } catch (IOException | RuntimeException e) {
      throw SparkExceptionKind.plain(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing releases buffers; a failure to close the underlying stream changes nothing.
    } finally {
      try {
        input.close();
      } catch (IOException ignored) {
        // As above.
      }
    }
  }
}
