package dev.cclr.examples;

import dev.cclr.proto.ArtifactStatusesResponse;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * A planted deviation: every ArtifactStatus answer says every name exists (SRV-STA-002 wants
 * {@code exists = false} for a name the session does not hold).
 */
final class AllArtifactsExistInterceptor implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!"ArtifactStatus".equals(call.getMethodDescriptor().getBareMethodName())) {
      return next.startCall(call, headers);
    }
    return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(R message) {
        ArtifactStatusesResponse answer = (ArtifactStatusesResponse) message;
        ArtifactStatusesResponse.Builder lie = answer.toBuilder().clearStatuses();
        answer.getStatusesMap().keySet().forEach(name ->
            lie.putStatuses(name, ArtifactStatusesResponse.ArtifactStatus.newBuilder().setExists(true).build()));
        super.sendMessage((R) lie.build());
      }
    }, headers);
  }
}
