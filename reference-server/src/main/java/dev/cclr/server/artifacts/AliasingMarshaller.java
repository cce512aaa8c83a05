package dev.cclr.server.artifacts;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * A protobuf marshaller whose parsed messages alias their bytes fields: each message is read into
 * a fresh array of its exact size and parsed with aliasing, so a {@code bytes} field is a view of
 * that array (gRPC's own marshaller reads into a reused buffer and copies every bytes field out
 * of it). The array belongs to the message alone and nothing writes to it, so the views stay
 * valid as long as anyone holds them. Serializing is gRPC's. Used for AddArtifacts on the server
 * ({@link AliasingUploads}) and for ExecutePlan results in the kit's client.
 */
public final class AliasingMarshaller<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {
  private final Parser<T> parser;
  private final MethodDescriptor.Marshaller<T> plain;

  public AliasingMarshaller(Parser<T> parser, MethodDescriptor.Marshaller<T> plain) {
    this.parser = parser;
    this.plain = plain;
  }

  @Override
  public InputStream stream(T value) {
    return plain.stream(value);
  }

  @Override
  public T parse(InputStream stream) {
    try {
      byte[] bytes = readExactly(stream);
      // Aliasing needs an input protobuf knows to be immutable: a plain array is not taken as one
      // (readBytes would copy), a wrapped one is.
      CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
      in.enableAliasing(true);
      in.setSizeLimit(Integer.MAX_VALUE);
      T message = parser.parseFrom(in);
      in.checkLastTagWas(0);
      return message;
    } catch (IOException e) {
      // As gRPC's own protobuf marshaller reports it (InvalidProtocolBufferException included).
      throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(e).asRuntimeException();
    }
  }

  /** The whole message in an array of its size; gRPC's message streams know their length. */
  private static byte[] readExactly(InputStream stream) throws IOException {
    if (stream instanceof KnownLength) {
      int size = stream.available();
      byte[] bytes = new byte[size];
      if (stream.readNBytes(bytes, 0, size) == size && stream.read() == -1) {
        return bytes;
      }
      throw new IOException("message shorter or longer than its declared " + size + " bytes");
    }
    return stream.readAllBytes();
  }
}
