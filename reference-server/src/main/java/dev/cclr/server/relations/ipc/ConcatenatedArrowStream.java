package dev.cclr.server.relations.ipc;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SparkExceptionKind;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Several Arrow IPC streams read in order as one logical stream, as Spark reads the data chunks
 * of a ChunkedCachedLocalRelation: one chunk open at a time, a chunk whose schema differs from
 * the first chunk's (names, types, nullability, metadata) fails with Spark's
 * {@code INTERNAL_ERROR "IPC Streams have different schemas."}. The same source may appear
 * several times and is then read again.
 */
public final class ConcatenatedArrowStream implements AutoCloseable {

  private final List<ChunkSource> chunks;
  private final BufferAllocator allocator;
  private final long maxDecompressedBatchBytes;
  private Schema schema;
  private ChunkReader current;
  private int next;

  /** With the default limit on decompressed batches ({@link DecompressionLimit#DEFAULT_MAX_BATCH_BYTES}). */
  public ConcatenatedArrowStream(List<ChunkSource> chunks, BufferAllocator allocator) {
    this(chunks, allocator, DecompressionLimit.DEFAULT_MAX_BATCH_BYTES);
  }

  /**
   * @param maxDecompressedBatchBytes the most bytes a compressed record batch may declare
   *     uncompressed; one declaring more fails before anything is decompressed (SRV-SEC-007)
   */
  public ConcatenatedArrowStream(List<ChunkSource> chunks, BufferAllocator allocator,
      long maxDecompressedBatchBytes) {
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("no chunks");
    }
    if (maxDecompressedBatchBytes < 0) {
      throw new IllegalArgumentException("maxDecompressedBatchBytes must not be negative");
    }
    this.chunks = List.copyOf(chunks);
    this.allocator = allocator;
    this.maxDecompressedBatchBytes = maxDecompressedBatchBytes;
  }

  /**
   * Opens every chunk in order, reads its schema message and compares it with the first, then
   * closes it: the checks Spark makes before it returns anything, done without reading bodies.
   * {@code checkFirst} vets the first schema before the next chunk is opened (Spark maps the
   * first chunk's types to its own before it reads further). Returns the common schema.
   */
  public static Schema checkSchemas(List<ChunkSource> chunks, BufferAllocator allocator,
      Consumer<Schema> checkFirst) {
    Schema first = null;
    for (ChunkSource chunk : chunks) {
      // Only schema messages are read here, so no batch is ever decompressed.
      try (ChunkReader reader = ChunkReader.open(chunk, allocator, 0)) {
        Schema s = reader.schema();
        if (first == null) {
          first = s;
          checkFirst.accept(s);
        } else if (!first.equals(s)) {
          throw differentSchemas();
        }
      }
    }
    return first;
  }

  static SparkError differentSchemas() {
    return SparkExceptionKind.SPARK_EXCEPTION.error("INTERNAL_ERROR").sqlState("XX000")
        .param("message", "IPC Streams have different schemas.")
        .text("IPC Streams have different schemas.").build();
  }

  /** The schema of the first chunk (opens it if needed). */
  public Schema schema() {
    if (schema == null) {
      advance();
    }
    return schema;
  }

  /**
   * Loads the next batch, moving through the chunks as they end; returns the root holding it
   * (owned by this stream, valid until the next call) or null when every chunk is exhausted.
   */
  public VectorSchemaRoot nextBatch() {
    if (current == null && !advance()) {
      return null;
    }
    while (true) {
      if (current.loadNextBatch()) {
        return current.root();
      }
      closeCurrent();
      if (!advance()) {
        return null;
      }
    }
  }

  /**
   * The batch last returned by {@link #nextBatch()} as it was stored, or null (see
   * {@link ChunkReader#stored()}); valid until the next call.
   */
  public StoredBatch storedBatch() {
    return current == null ? null : current.stored();
  }

  private boolean advance() {
    if (next >= chunks.size()) {
      return false;
    }
    ChunkReader reader = ChunkReader.open(chunks.get(next++), allocator, maxDecompressedBatchBytes);
    try {
      Schema s = reader.schema();
      if (schema == null) {
        schema = s;
      } else if (!schema.equals(s)) {
        throw differentSchemas();
      }
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
    current = reader;
    return true;
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    closeCurrent();
    next = chunks.size();
  }
}
