package dev.cclr.server.artifacts;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;

/**
 * AddArtifacts requests parsed by an {@link AliasingMarshaller}, so that an artifact piece's
 * bytes are copied once out of the transport and then only aliased: the CRC is computed over the
 * view and it is kept as is in memory or written to the spill file from it. Other calls keep
 * gRPC's marshaller.
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
        .setRequestMarshaller(new AliasingMarshaller<>(AddArtifactsRequest.parser(), m.getMethodDescriptor().getRequestMarshaller()))
        .build();
    return ServerMethodDefinition.create(descriptor, m.getServerCallHandler());
  }
}
