package dev.cclr.server.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Optional pre-shared bearer token, the way Spark Connect clients send one ({@code sc://...;token=T}
 * becomes {@code authorization: Bearer T}) and the way Spark's server checks it: on every method of
 * the service alike, so artifact and configuration calls get the same authentication as
 * ExecutePlan (SRV-SEC-002). A missing or wrong token ends the call with UNAUTHENTICATED before
 * any handler runs.
 */
public final class BearerTokenAuthentication implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final byte[] expected;

  public BearerTokenAuthentication(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the token must not be empty");
    }
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String sent = headers.get(AUTHORIZATION);
    // Constant-time comparison: the time taken must not tell how much of a guess was right.
    if (sent == null || !MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
      call.close(Status.UNAUTHENTICATED.withDescription(sent == null
          ? "No authentication token: send 'authorization: Bearer <token>'" : "Invalid authentication token"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
