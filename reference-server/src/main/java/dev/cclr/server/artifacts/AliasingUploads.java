package dev.cclr.server.artifacts;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;

/**
 * AddArtifacts requests parsed by a {@link LoanedBytesMarshaller}, so that an artifact piece's
 * bytes are not copied out of the transport: the CRC is computed over netty's buffer and a piece
 * bound for a spill file is written from it; only a piece kept in memory is copied, once
 * ({@link BlobWriter}). The loan of each message's buffers ends when the call's listener returns
 * from {@code onMessage}, whatever the interceptors and the handler did with it: this wrapper is
 * the outermost listener of the call. Other calls keep gRPC's marshaller.
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
    return aliased(m, new LoanedBytesMarshaller<>(AddArtifactsRequest.parser(), m.getMethodDescriptor().getRequestMarshaller()));
  }

  /** The method with its requests parsed by the given marshaller (tests look at its loans). */
  static <R> ServerMethodDefinition<AddArtifactsRequest, R> aliased(
      ServerMethodDefinition<AddArtifactsRequest, R> m, LoanedBytesMarshaller<AddArtifactsRequest> marshaller) {
    MethodDescriptor<AddArtifactsRequest, R> descriptor = m.getMethodDescriptor().toBuilder()
        .setRequestMarshaller(marshaller)
        .build();
    return ServerMethodDefinition.create(descriptor, releasing(m.getServerCallHandler(), marshaller));
  }

  /**
   * gRPC parses a message and hands it to the listener on the same thread, one right after the
   * other (a message that fails to parse never reaches the listener, and the marshaller ends its
   * loan itself), so ending the loan when onMessage returns ends every loan.
   */
  private static <R> ServerCallHandler<AddArtifactsRequest, R> releasing(
      ServerCallHandler<AddArtifactsRequest, R> handler, LoanedBytesMarshaller<AddArtifactsRequest> marshaller) {
    return new ServerCallHandler<>() {
      @Override
      public ServerCall.Listener<AddArtifactsRequest> startCall(ServerCall<AddArtifactsRequest, R> call, Metadata headers) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(handler.startCall(call, headers)) {
          @Override
          public void onMessage(AddArtifactsRequest message) {
            try {
              super.onMessage(message);
            } finally {
              marshaller.release(message);
            }
          }
        };
      }
    };
  }
}
