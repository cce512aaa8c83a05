package dev.cclr.server.artifacts;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Detachable;
import io.grpc.HasByteBuffer;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request marshaller whose messages' {@code bytes} fields are views of the transport's own
 * buffers: the message stream gRPC hands over is detached ({@link Detachable}), its buffers are
 * taken as they are ({@link HasByteBuffer}, netty's pooled direct memory on the server) and
 * parsed with aliasing. Nothing is copied out of the transport; a piece bound for a spill file
 * goes from netty's buffer to the file in one {@code write}.
 *
 * <p>The bytes are <b>on loan</b>: they stay valid until {@link #release} of the message, which
 * {@link AliasingUploads} calls when the handler's {@code onMessage} returns. Whatever the handler
 * keeps longer (a piece held in memory) it must copy; {@link #isLoaned} tells which bytes those
 * are. A stream that cannot be detached or has no byte buffers (the in-process transport, a
 * heap-only allocator) is parsed the {@link AliasingMarshaller} way, into an array the message
 * owns, and nothing is on loan.
 */
public final class LoanedBytesMarshaller<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {

  private final Parser<T> parser;
  private final AliasingMarshaller<T> owning;
  /** The detached stream behind each message with loaned bytes, by identity (not by content). */
  private final Map<T, InputStream> loans = Collections.synchronizedMap(new IdentityHashMap<>());

  public LoanedBytesMarshaller(Parser<T> parser, MethodDescriptor.Marshaller<T> plain) {
    this.parser = parser;
    this.owning = new AliasingMarshaller<>(parser, plain);
  }

  @Override
  public InputStream stream(T value) {
    return owning.stream(value);
  }

  @Override
  public T parse(InputStream stream) {
    if (!(stream instanceof Detachable) || !(stream instanceof HasByteBuffer)
        || !((HasByteBuffer) stream).byteBufferSupported()) {
      return owning.parse(stream);
    }
    InputStream detached = ((Detachable) stream).detach();
    try {
      if (!detached.markSupported()) {
        return parseCopied(detached);
      }
      // Skipping past a buffer would hand it back to netty's pool at once; with a mark set, gRPC
      // keeps the buffers read past until the stream is closed, i.e. until the loan ends.
      detached.mark(Integer.MAX_VALUE);
      List<ByteBuffer> parts = buffersOf(detached);
      if (parts.isEmpty()) {
        // Nothing to lend; and an empty message may be a shared instance, no key for a loan.
        close(detached);
        return parseAliased(parts);
      }
      if (!parts.stream().allMatch(ByteBuffer::isDirect)) {
        // Heap buffers (a transport without direct memory) could not be told from bytes a message
        // owns (isLoaned), so they are copied into an array the message owns and not lent.
        T owned = parseAliased(List.of(ByteBuffer.wrap(copyOf(parts))));
        close(detached);
        return owned;
      }
      T message = parseAliased(parts);
      loans.put(message, detached);
      return message;
    } catch (IOException e) {
      close(detached);
      // As gRPC's own protobuf marshaller reports it (InvalidProtocolBufferException included).
      throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(e).asRuntimeException();
    } catch (RuntimeException | Error e) {
      close(detached);
      throw e;
    }
  }

  private T parseCopied(InputStream detached) throws IOException {
    try (detached) {
      return parseAliased(List.of(ByteBuffer.wrap(detached.readAllBytes())));
    }
  }

  /** Ends the loan of the message's bytes (a message parsed into its own array has none). */
  public void release(Object message) {
    InputStream detached = loans.remove(message);
    if (detached != null) {
      close(detached);
    }
  }

  /** Messages whose bytes are still on loan; 0 between calls unless a release was missed. */
  int outstandingLoans() {
    return loans.size();
  }

  /**
   * Whether the bytes are (partly) a view of a transport buffer on loan, i.e. must be copied to be
   * kept after the message's handler returns. Loaned views are direct buffers; bytes a message
   * owns are heap arrays.
   */
  public static boolean isLoaned(ByteString bytes) {
    for (ByteBuffer b : bytes.asReadOnlyByteBufferList()) {
      if (b.isDirect()) {
        return true;
      }
    }
    return false;
  }

  /** The stream's readable bytes as the transport holds them, one buffer per contiguous part. */
  private static List<ByteBuffer> buffersOf(InputStream detached) throws IOException {
    HasByteBuffer buffers = (HasByteBuffer) detached;
    List<ByteBuffer> parts = new ArrayList<>(2);
    int left = detached.available();
    while (left > 0) {
      ByteBuffer part = buffers.getByteBuffer();
      if (part == null || !part.hasRemaining()) {
        throw new IOException("the transport's buffer ended " + left + " bytes before the message");
      }
      int n = Math.min(part.remaining(), left);
      ByteBuffer view = part.slice();
      view.limit(n);
      parts.add(view);
      if (detached.skip(n) != n) {
        throw new IOException("the transport's buffer could not be skipped");
      }
      left -= n;
    }
    return parts;
  }

  private static byte[] copyOf(List<ByteBuffer> parts) {
    int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
    ByteBuffer all = ByteBuffer.allocate(size);
    parts.forEach(part -> all.put(part.duplicate()));
    return all.array();
  }

  private T parseAliased(List<ByteBuffer> parts) throws IOException {
    ByteString whole = ByteString.EMPTY;
    for (ByteBuffer part : parts) {
      whole = whole.concat(UnsafeByteOperations.unsafeWrap(part));
    }
    // Wrapped buffers are taken as immutable, so readBytes returns views of them.
    CodedInputStream in = whole.newCodedInput();
    in.enableAliasing(true);
    in.setSizeLimit(Integer.MAX_VALUE);
    T message = parser.parseFrom(in);
    in.checkLastTagWas(0);
    return message;
  }

  private static void close(InputStream detached) {
    try {
      detached.close();
    } catch (IOException ignored) {
      // Closing returns netty's buffers to the pool; it reports nothing worth failing a call for.
    }
  }
}
