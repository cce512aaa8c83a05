package dev.cclr.server.relations.ipc;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SparkExceptionKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
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
  private final OwningStreamReader reader;

  private ChunkReader(InputStream input, OwningStreamReader reader) {
    this.input = input;
    this.reader = reader;
  }

  /**
   * @param maxDecompressedBatchBytes the most bytes one compressed record batch may declare
   *     uncompressed (all its buffers together); a batch declaring more is refused before
   *     anything is allocated or decompressed (SRV-SEC-007)
   */
  static ChunkReader open(ChunkSource source, BufferAllocator allocator, long maxDecompressedBatchBytes) {
    InputStream in;
    try {
      in = source.open();
    } catch (IOException e) {
      throw SparkExceptionKind.plain(e);
    }
    OwningStreamReader reader =
        new OwningStreamReader(new BoundedMessageReader(in, source.size(), allocator), allocator,
            maxDecompressedBatchBytes);
    return new ChunkReader(in, reader);
  }

  /** Reads the schema message if not read yet. */
  Schema schema() {
    return root().getSchema();
  }

  VectorSchemaRoot root() {
    try {
      return reader.getVectorSchemaRoot();
    } catch (SparkError e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw SparkExceptionKind.plain(e);
    }
  }

  /** Loads the next batch into {@link #root()}; false at the end of the stream. */
  boolean loadNextBatch() {
    reader.forgetStored();
    try {
      if (!reader.loadNextBatch()) {
        return false;
      }
      BatchValidator.validate(reader.getVectorSchemaRoot());
      return true;
    } catch (SparkError e) {
      reader.forgetStored();
      throw e;
    } catch (IOException | RuntimeException e) {
      reader.forgetStored();
      throw SparkExceptionKind.plain(e);
    }
  }

  /**
   * The batch last loaded as it was stored (valid until the next load or close), or null when
   * it was not stored in a form that can be sent as it is: compressed, dictionary-encoded, or
   * framed so that re-framing would break alignment.
   */
  StoredBatch stored() {
    return reader.stored;
  }

  @Override
  public void close() {
    reader.forgetStored();
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

  /**
   * Arrow's stream reader with every failure path releasing what it allocated. Arrow leaves a
   * message body without an owner when the record batch metadata does not fit it (a buffer
   * outside the body), when the message is of an unexpected type, or when a schema message
   * carries a body; and its VectorLoader leaks the buffers it already decompressed when a later
   * buffer of the same vector fails to decompress. Here the body is released unless a batch took
   * it over, and compressed batches are decompressed up front into buffers this reader owns
   * (every declared length checked against the real one, for LZ4 too), so that Arrow only ever
   * loads uncompressed batches.
   */
  private static final class OwningStreamReader extends ArrowStreamReader {

    private final BoundedMessageReader messages;
    private final long maxDecompressedBatchBytes;
    private boolean bodyTakenOver;
    /** The last batch as stored, if it can be sent as it is; see {@link ChunkReader#stored()}. */
    private StoredBatch stored;
    private boolean dictionaryEncoded;

    private static boolean usesDictionary(org.apache.arrow.vector.types.pojo.Field f) {
      return f.getDictionary() != null
          || f.getChildren().stream().anyMatch(OwningStreamReader::usesDictionary);
    }

    OwningStreamReader(BoundedMessageReader messages, BufferAllocator allocator, long maxDecompressedBatchBytes) {
      super(messages, allocator, CommonsCompressionFactory.INSTANCE);
      this.messages = messages;
      this.maxDecompressedBatchBytes = maxDecompressedBatchBytes;
    }

    @Override
    protected Schema readSchema() throws IOException {
      messages.forgetLastBody();
      Schema schema;
      try {
        schema = super.readSchema();
      } finally {
        releaseLastBody();
      }
      SchemaShape.check(schema);
      dictionaryEncoded = schema.getFields().stream().anyMatch(OwningStreamReader::usesDictionary);
      return schema;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
      bodyTakenOver = false;
      messages.forgetLastBody();
      try {
        return super.loadNextBatch();
      } catch (IOException | RuntimeException e) {
        if (!bodyTakenOver) {
          releaseLastBody();
        }
        messages.forgetLastBody();
        throw e;
      }
    }

    /**
     * Takes a reference on the body this uncompressed batch was sliced from, with its metadata,
     * so that the batch can be sent as stored. Dictionary-encoded streams are left out: their
     * batches mean nothing without the dictionary messages.
     */
    private void keepStoredForm(ArrowRecordBatch batch) {
      ArrowBuf body = messages.lastBody();
      java.nio.ByteBuffer metadata = messages.lastMetadata();
      if (body == null || metadata == null || dictionaryEncoded) {
        return;
      }
      stored = StoredBatch.of(metadata, body, bodyLengthOf(metadata), batch.getLength());
    }

    private static long bodyLengthOf(java.nio.ByteBuffer metadata) {
      return org.apache.arrow.flatbuf.Message.getRootAsMessage(metadata.duplicate()).bodyLength();
    }

    void forgetStored() {
      if (stored != null) {
        stored.close();
        stored = null;
      }
    }

    private void releaseLastBody() {
      ArrowBuf body = messages.lastBody();
      messages.forgetLastBody();
      if (body != null) {
        body.close();
      }
    }

    @Override
    protected void loadDictionary(ArrowDictionaryBatch batch) {
      bodyTakenOver = true;
      super.loadDictionary(batch);
    }

    @Override
    protected void loadRecordBatch(ArrowRecordBatch batch) {
      bodyTakenOver = true;
      if (batch.getBodyCompression().getCodec() == NoCompressionCodec.COMPRESSION_TYPE) {
        checkShape(batch);
        keepStoredForm(batch);
        super.loadRecordBatch(batch);
        return;
      }
      ArrowRecordBatch plain;
      List<ArrowBuf> owned = new ArrayList<>();
      try {
        checkDeclaredSize(batch);
        CompressionCodec codec = CommonsCompressionFactory.INSTANCE.createCodec(
            CompressionUtil.CodecType.fromCompressionType(batch.getBodyCompression().getCodec()));
        for (ArrowBuf buffer : batch.getBuffers()) {
          owned.add(decompress(codec, buffer));
        }
        plain = new ArrowRecordBatch(batch.getLength(), batch.getNodes(), owned,
            NoCompressionCodec.DEFAULT_BODY_COMPRESSION, batch.getVariadicBufferCounts(), true);
      } finally {
        // The plain batch (if made) holds its own references.
        for (ArrowBuf buffer : owned) {
          buffer.close();
        }
        batch.close();
      }
      checkShape(plain);
      super.loadRecordBatch(plain);
    }

    /**
     * Adds up the uncompressed lengths the batch's buffers declare (a stored-uncompressed buffer
     * counts its real size) and refuses the batch if they exceed the limit, before any buffer is
     * allocated or decompressed: a few kilobytes of Zstandard or LZ4 can declare gigabytes.
     */
    private void checkDeclaredSize(ArrowRecordBatch batch) {
      long total = 0;
      for (ArrowBuf buffer : batch.getBuffers()) {
        long size = buffer.writerIndex();
        if (size < CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
          continue; // empty, or too short: decompress() rejects it
        }
        long declared = buffer.getLong(0);
        long bytes = declared == CompressionUtil.NO_COMPRESSION_LENGTH
            ? size - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH : declared;
        if (bytes < 0) {
          continue; // a negative length other than -1: decompress() rejects it
        }
        if (bytes > maxDecompressedBatchBytes - total) {
          throw DecompressionLimit.exceeded(
              total > Long.MAX_VALUE - bytes ? Long.MAX_VALUE : total + bytes, maxDecompressedBatchBytes);
        }
        total += bytes;
      }
    }

    /** See {@link BatchShape}; a batch that fails is released here (Arrow would release it on loading). */
    private void checkShape(ArrowRecordBatch batch) {
      try {
        BatchShape.check(getVectorSchemaRoot().getSchema().getFields(), batch);
      } catch (IOException | RuntimeException e) {
        batch.close();
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }

    /** One buffer of a compressed body, returned with a reference the caller owns. */
    private ArrowBuf decompress(CompressionCodec codec, ArrowBuf compressed) {
      long size = compressed.writerIndex();
      if (size == 0) {
        compressed.getReferenceManager().retain();
        return compressed;
      }
      if (size < CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
        throw new IllegalArgumentException("Compressed buffer of " + size
            + " bytes is shorter than its uncompressed length prefix.");
      }
      long declared = compressed.getLong(0);
      if (declared == CompressionUtil.NO_COMPRESSION_LENGTH) {
        ArrowBuf plain = compressed.slice(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH,
            size - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH);
        plain.getReferenceManager().retain();
        return plain;
      }
      if (declared == 0) {
        // As Arrow does: an empty buffer, whatever (if anything) follows the length.
        return allocator.getEmpty();
      }
      if (codec.getCodecType() == CompressionUtil.CodecType.LZ4_FRAME) {
        return decompressLz4(compressed, declared);
      }
      // The codec releases the compressed buffer when it succeeds: give it a reference of its own.
      compressed.getReferenceManager().retain();
      ArrowBuf result;
      try {
        result = codec.decompress(allocator, compressed);
      } catch (RuntimeException e) {
        compressed.close();
        throw e;
      }
      long actual = result.writerIndex();
      if (actual != declared) {
        result.close();
        throw new RuntimeException(
            "Expected != actual decompressed length: " + declared + " != " + actual);
      }
      return result;
    }

    /**
     * LZ4 frame decompression into a buffer of exactly the declared length (allocated first, so
     * an absurd declared length fails as ZSTD's does, on the memory limit); more or fewer real
     * bytes than declared fail. Arrow's own LZ4 codec does not compare the two.
     */
    private ArrowBuf decompressLz4(ArrowBuf compressed, long declared) {
      long size = compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "The compressed buffer size exceeds the integer limit " + Integer.MAX_VALUE);
      }
      byte[] in = new byte[(int) size];
      compressed.getBytes(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, in);
      ArrowBuf out = allocator.buffer(declared);
      try {
        long written = 0;
        byte[] chunk = new byte[64 << 10];
        try (InputStream lz4 = new FramedLZ4CompressorInputStream(new ByteArrayInputStream(in))) {
          int n;
          while ((n = lz4.read(chunk)) > 0) {
            if (n > declared - written) {
              throw mismatch(declared, written + n);
            }
            out.setBytes(written, chunk, 0, n);
            written += n;
          }
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
        if (written != declared) {
          throw mismatch(declared, written);
        }
        out.writerIndex(declared);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }

    private static RuntimeException mismatch(long declared, long actual) {
      return new RuntimeException(
          "Expected != actual decompressed length: " + declared + " != " + actual
              + (actual > declared ? " (at least)" : ""));
    }
  }
}
