package dev.cclr.tck.run;

import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.server.ReferenceServer;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * The reference server with one planted robustness bug, as a separate process: it dies (exit 134,
 * like an aborting native server) when an ExecutePlan names a chosen chunk hash. It stands in for
 * a third-party server that panics on one malformed chunk.
 *
 * <p>Arguments: {@code <port> <sha256 of the fatal chunk>}; it listens on 127.0.0.1 only.
 */
public final class CrashingServerMain {
  private CrashingServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String fatalHash = args[1];
    ServerInterceptor dieOnHash = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(next.startCall(call, headers)) {
          @Override
          public void onMessage(Q message) {
            if (message instanceof ExecutePlanRequest request
                && request.getPlan().getRoot().getChunkedCachedLocalRelation().getDataHashesList().contains(fatalHash)) {
              System.err.println("CrashingServerMain: chunk " + fatalHash + " is fatal, exiting");
              Runtime.getRuntime().halt(134);
            }
            super.onMessage(message);
          }
        };
      }
    };
    ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(port).interceptor(dieOnHash).build().start();
    System.out.println("CrashingServerMain listening on 127.0.0.1:" + server.port());
    server.awaitTermination();
  }
}
