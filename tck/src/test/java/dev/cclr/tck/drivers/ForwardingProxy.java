package dev.cclr.tck.drivers;

import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An in-process gRPC server on 127.0.0.1 that forwards every Spark Connect RPC to an upstream
 * server, with an interceptor on its side. In the end-to-end tests it stands where the reference
 * server will stand: it lets the server-side recording path run against real Spark today.
 *
 * <p>Requests and responses are parsed with the kit's own generated classes and written back out,
 * which is lossless: fields our trimmed protos do not declare travel on as unknown fields. Test
 * code only; no flow control beyond one message at a time.
 */
final class ForwardingProxy implements AutoCloseable {

  // Spark's client accepts up to 128 MiB per message; stay above it in both directions.
  private static final int MAX_MESSAGE = 256 * 1024 * 1024;

  private final Server server;
  private final ManagedChannel upstream;

  private ForwardingProxy(Server server, ManagedChannel upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  static ForwardingProxy start(String upstreamHost, int upstreamPort, ServerInterceptor interceptor)
      throws IOException {
    ManagedChannel channel = NettyChannelBuilder.forAddress(upstreamHost, upstreamPort)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE)
        .maxInboundMetadataSize(1024 * 1024)
        .build();
    ServiceDescriptor service = SparkConnectServiceGrpc.getServiceDescriptor();
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(service);
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      addForwarding(definition, method, channel);
    }
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .maxInboundMessageSize(MAX_MESSAGE)
        .maxInboundMetadataSize(1024 * 1024)
        .addService(ServerInterceptors.intercept(definition.build(), interceptor))
        .build()
        .start();
    return new ForwardingProxy(server, channel);
  }

  int port() {
    return server.getPort();
  }

  private static <Q, R> void addForwarding(
      ServerServiceDefinition.Builder definition, MethodDescriptor<Q, R> method, ManagedChannel channel) {
    definition.addMethod(method, new Forward<>(channel));
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    upstream.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Pipes one call: client messages up, server messages, headers and trailers down. */
  private static final class Forward<Q, R> implements ServerCallHandler<Q, R> {
    private final ManagedChannel channel;

    Forward(ManagedChannel channel) {
      this.channel = channel;
    }

    @Override
    public ServerCall.Listener<Q> startCall(ServerCall<Q, R> down, Metadata headers) {
      ClientCall<Q, R> up = channel.newCall(down.getMethodDescriptor(), CallOptions.DEFAULT);
      // gRPC calls are not thread-safe; each side is touched from both directions, so lock it.
      up.start(new ClientCall.Listener<R>() {
        @Override
        public void onHeaders(Metadata h) {
          synchronized (down) {
            down.sendHeaders(h);
          }
        }

        @Override
        public void onMessage(R message) {
          synchronized (down) {
            down.sendMessage(message);
          }
          synchronized (up) {
            up.request(1);
          }
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
          synchronized (down) {
            down.close(status, trailers);
          }
        }
      }, headers);
      synchronized (up) {
        up.request(1);
      }
      synchronized (down) {
        down.request(1);
      }
      return new ServerCall.Listener<Q>() {
        @Override
        public void onMessage(Q message) {
          synchronized (up) {
            up.sendMessage(message);
          }
          synchronized (down) {
            down.request(1);
          }
        }

        @Override
        public void onHalfClose() {
          synchronized (up) {
            up.halfClose();
          }
        }

        @Override
        public void onCancel() {
          synchronized (up) {
            up.cancel("downstream cancelled", null);
          }
        }
      };
    }
  }
}
