package dev.cclr.server.artifacts;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * AddArtifacts requests parsed so that an artifact piece's bytes are copied once out of the
 * transport and then only aliased: each message is read into a fresh array of its exact size and
 * parsed with aliasing, so the {@code ByteString} of a piece is a view of that array (gRPC's own
 * marshaller reads into a reused buffer and copies every bytes field out of it). The array
 * belongs to the message alone and nothing writes to it, so the view stays valid as long as
 * anyone holds it: the CRC is computed over it and it is kept as is in memory or written to the
 * spill file from it. Other calls keep gRPC's marshaller.
 */
public final class AliasingUploads {

  private AliasingUploads() {}

  /** The service with AddArtifacts' request marshaller replaced; handlers and interceptors unchanged. */
  public static ServerServiceDefinition apply(ServerServiceDefinition service) {
    String addArtifacts = SparkConnectServiceGrpc.getAddArtifactsMethod().getFullMethodName();
    ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
    for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
      if (m.getMethodDescriptor().getFullMethodName().equals(addArtifacts)) {
        @SuppressWarnings("unchecked")
        ServerMethodDefinition<AddArtifactsRequest, ?> upload = (ServerMethodDefinition<AddArtifactsRequest, ?>) m;
        b.addMethod(aliased(upload));
      } else {
        b.addMethod(m);
      }
    }
    return b.build();
  }

  private static <R> ServerMethodDefinition<AddArtifactsRequest, R> aliased(
      ServerMethodDefinition<AddArtifactsRequest, R> m) {
    MethodDescriptor<AddArtifactsRequest, R> descriptor = m.getMethodDescriptor().toBuilder()
        .setRequestMarshaller(new Marshaller<>(AddArtifactsRequest.parser(), m.getMethodDescriptor().getRequestMarshaller()))
        .build();
    return ServerMethodDefinition.create(descriptor, m.getServerCallHandler());
  }

  static final class Marshaller<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {
    private final Parser<T> parser;
    private final MethodDescriptor.Marshaller<T> plain;

    Marshaller(Parser<T> parser, MethodDescriptor.Marshaller<T> plain) {
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
        CodedInputStream in = CodedInputStream.newInstance(bytes);
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
}
