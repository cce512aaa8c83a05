package dev.cclr.server.testing;

import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.proto.UserContext;
import dev.cclr.server.ReferenceServer;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A ReferenceServer on 127.0.0.1 with an ephemeral port, the test planner and a real channel. */
public final class TestServer implements AutoCloseable {

  public final TestPlanner planner = new TestPlanner();
  public final ReferenceServer server;
  public final ManagedChannel channel;
  public final SparkConnectServiceGrpc.SparkConnectServiceBlockingStub blocking;
  public final SparkConnectServiceGrpc.SparkConnectServiceStub async;

  public static final UserContext USER = UserContext.newBuilder().setUserId("tester").build();

  public TestServer(Path storeDir) throws IOException {
    this(storeDir, b -> b);
  }

  public TestServer(Path storeDir, UnaryOperator<ReferenceServer.Builder> settings) throws IOException {
    server = settings.apply(ReferenceServer.builder().host("127.0.0.1").port(0).storeDir(storeDir).planner(planner))
        .build().start();
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
        .maxInboundMessageSize(256 << 20)
        .build();
    blocking = SparkConnectServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    async = SparkConnectServiceGrpc.newStub(channel);
  }

  public static String newSessionId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }
}
