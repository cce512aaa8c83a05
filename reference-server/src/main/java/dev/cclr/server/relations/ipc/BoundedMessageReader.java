package dev.cclr.server.relations.ipc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.function.Supplier;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Arrow's own IPC message reader (so that framing and errors are exactly what Spark meets),
 * guarded against corrupt length prefixes: before each message is read, its metadata length and
 * body length are peeked and checked against the bytes that remain. A prefix claiming gigabytes
 * then fails, without allocating anything, with the error the short read would have produced in
 * Arrow ("Unexpected end of stream trying to read message." / "... trying to read batch.").
 */
final class BoundedMessageReader extends MessageChannelReader {

  /** The continuation marker before the metadata length in current IPC streams. */
  private static final int CONTINUATION = 0xFFFFFFFF;
  /** Metadata (flatbuffer headers) is small in practice; refuse absurd sizes outright. */
  private static final int MAX_METADATA_BYTES = 64 << 20;

  private final LookAhead peekable;
  private final long size;
  /** Pins the bytes a mapped body is a view of; null for a stream that is not a channel's. */
  private final Supplier<Runnable> pin;
  /** Bodies mapped rather than read through {@code in}, which therefore does not count them. */
  private long mappedBytes;

  /**
   * Reads a {@link ChannelInputStream}'s channel directly: bodies go from the file or the stored
   * pieces straight into Arrow buffers, and look-ahead is by position. Any other stream goes
   * through a {@code BufferedInputStream} (mark and reset) as before.
   */
  BoundedMessageReader(InputStream in, long size, BufferAllocator allocator) {
    this(in instanceof ChannelInputStream c ? new ChannelLookAhead(c.channel()) : new BufferedLookAhead(in),
        size, allocator, in instanceof ChannelInputStream c ? c::pin : null);
  }

  private BoundedMessageReader(LookAhead in, long size, BufferAllocator allocator, Supplier<Runnable> pin) {
    super(new ReadChannel(in.channel()), allocator);
    this.peekable = in;
    this.size = size;
    this.pin = pin;
  }

  /** Bytes ahead of the read position, read without consuming them. */
  private sealed interface LookAhead permits ChannelLookAhead, BufferedLookAhead {
    java.nio.channels.ReadableByteChannel channel();

    /** Up to {@code n} bytes starting {@code skip} bytes ahead; fewer at the end of the input. */
    byte[] peek(int skip, int n) throws IOException;
  }

  private record ChannelLookAhead(SeekableByteChannel channel) implements LookAhead {
    @Override
    public byte[] peek(int skip, int n) throws IOException {
      long start = channel.position();
      long available = Math.max(0, channel.size() - start - skip);
      ByteBuffer b = ByteBuffer.allocate((int) Math.min(n, available));
      try {
        channel.position(start + skip);
        while (b.hasRemaining() && channel.read(b) > 0) {
          // Until full or the end of the input.
        }
      } finally {
        channel.position(start);
      }
      return b.position() == b.capacity() ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
    }
  }

  private record BufferedLookAhead(BufferedInputStream in, java.nio.channels.ReadableByteChannel channel)
      implements LookAhead {
    BufferedLookAhead(InputStream in) {
      this(new BufferedInputStream(in, 64 << 10));
    }

    private BufferedLookAhead(BufferedInputStream in) {
      this(in, Channels.newChannel(in));
    }

    @Override
    public byte[] peek(int skip, int n) throws IOException {
      in.mark(skip + n);
      try {
        in.skipNBytes(skip);
        return in.readNBytes(n);
      } catch (java.io.EOFException e) {
        return new byte[0];
      } finally {
        in.reset();
      }
    }
  }

  /** The body of the last message read, until its reader takes it over or forgets it. */
  private ArrowBuf lastBody;
  /** The flatbuffer metadata of the last message, whole and as read (for {@link StoredBatch}). */
  private ByteBuffer lastMetadata;

  @Override
  public MessageResult readNext() throws IOException {
    lastBody = null;
    lastMetadata = null;
    checkNextMessageFits();
    MessageResult result = readMessage();
    if (result != null) {
      lastBody = result.getBodyBuffer();
      // Arrow reads the metadata into a buffer of exactly its declared (padded) length.
      ByteBuffer read = result.getMessage().getByteBuffer();
      lastMetadata = read.duplicate().clear();
    }
    return result;
  }

  /**
   * Arrow's {@code MessageChannelReader.readNext()}, except that a large body of a spill file is
   * mapped ({@link MappedBodies}) instead of read into a new buffer.
   */
  private MessageResult readMessage() throws IOException {
    if (!(peekable.channel() instanceof FileChannel file) || pin == null || !MappedBodies.available()) {
      return super.readNext();
    }
    MessageMetadataResult metadata = MessageSerializer.readMessage(in);
    if (metadata == null) {
      return null;
    }
    ArrowBuf body = null;
    if (metadata.messageHasBody()) {
      long length = metadata.getMessageBodyLength();
      long before = in.bytesRead();
      body = MappedBodies.body(in, file, length, allocator, pin);
      // A mapped body moved the file's position without Arrow's channel counting it.
      mappedBytes += length - (in.bytesRead() - before);
    }
    return MappedBodies.result(metadata.getMessage(), body);
  }

  /** Bytes consumed, the mapped bodies (which Arrow's channel never read) included. */
  @Override
  public long bytesRead() {
    return in.bytesRead() + mappedBytes;
  }

  /** The metadata of the last message returned by {@link #readNext()} (null if none). */
  ByteBuffer lastMetadata() {
    return lastMetadata;
  }

  /**
   * The body buffer of the last message returned by {@link #readNext()} (null if none). The
   * caller owns it until it hands it over to a record batch; see {@link ChunkReader}.
   */
  ArrowBuf lastBody() {
    return lastBody;
  }

  void forgetLastBody() {
    lastBody = null;
  }

  private void checkNextMessageFits() throws IOException {
    long remaining = size - bytesRead();
    byte[] prefix = peekable.peek(0, 8);
    if (prefix.length < 4) {
      return;
    }
    int length = littleEndianInt(prefix, 0);
    int prefixLength = 4;
    if (length == CONTINUATION) {
      if (prefix.length < 8) {
        return;
      }
      length = littleEndianInt(prefix, 4);
      prefixLength = 8;
    }
    if (length <= 0) {
      // End of stream, or a negative length that Arrow itself rejects without allocating.
      return;
    }
    if (length > remaining - prefixLength) {
      throw new IOException("Unexpected end of stream trying to read message.");
    }
    if (length > MAX_METADATA_BYTES) {
      throw new IOException("Arrow message metadata of " + length + " bytes exceeds the "
          + MAX_METADATA_BYTES + " bytes this server accepts.");
    }
    byte[] metadataBytes = peekable.peek(prefixLength, length);
    if (metadataBytes.length < length) {
      // The stream is shorter than its declared size; let Arrow's read report it.
      return;
    }
    ByteBuffer metadata = ByteBuffer.wrap(metadataBytes);
    MessageMetadataResult message = MessageMetadataResult.create(metadata, length);
    checkFieldTree(message, length);
    if (message.messageHasBody()
        && message.getMessageBodyLength() > remaining - prefixLength - length) {
      throw new IOException("Unexpected end of input trying to read batch.");
    }
    checkBuffersInBody(message);
  }

  /**
   * Arrow slices a record batch's buffers out of its body and retains each as it builds the
   * batch; a buffer with a negative offset or length fails part-way and leaves the references
   * already taken behind (a leak found by the chunk decoder fuzzer). Every buffer must lie inside
   * the body.
   */
  private static void checkBuffersInBody(MessageMetadataResult message) throws IOException {
    Message m = message.getMessage();
    RecordBatch batch;
    if (m.headerType() == MessageHeader.RecordBatch) {
      batch = (RecordBatch) m.header(new RecordBatch());
    } else if (m.headerType() == MessageHeader.DictionaryBatch) {
      DictionaryBatch dictionary = (DictionaryBatch) m.header(new DictionaryBatch());
      batch = dictionary == null ? null : dictionary.data();
    } else {
      return;
    }
    if (batch == null) {
      return;
    }
    long bodyLength = m.bodyLength();
    for (int i = 0; i < batch.buffersLength(); i++) {
      org.apache.arrow.flatbuf.Buffer b = batch.buffers(i);
      long offset = b.offset();
      long length = b.length();
      if (offset < 0 || length < 0 || offset > bodyLength || length > bodyLength - offset) {
        throw new IOException("Arrow record batch buffer " + i + " (offset " + offset + ", length "
            + length + ") lies outside its " + bodyLength + "-byte body.");
      }
    }
  }

  /**
   * SRV-SEC-008 and cyclic field trees, on the flatbuffer before Arrow builds (recursively) its own
   * schema objects; see {@link SchemaDepth}. A flatbuffer too corrupt to walk is left to Arrow,
   * whose error Spark would report.
   */
  private static void checkFieldTree(MessageMetadataResult message, int metadataLength) throws IOException {
    org.apache.arrow.flatbuf.Schema schema;
    try {
      if (message.getMessage().headerType() != MessageHeader.Schema) {
        return;
      }
      schema = (org.apache.arrow.flatbuf.Schema) message.getMessage().header(new org.apache.arrow.flatbuf.Schema());
    } catch (RuntimeException corrupt) {
      return;
    }
    if (schema != null) {
      SchemaDepth.check(schema, metadataLength);
    }
  }

  private static int littleEndianInt(byte[] b, int offset) {
    return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
        | (b[offset + 3] & 0xFF) << 24;
  }
}
