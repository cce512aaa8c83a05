package dev.cclr.tck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.Aggregate;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutePlanRecorderTest {

  private final ExecutePlanRecorder recorder = new ExecutePlanRecorder();
  private Server server;
  private ManagedChannel channel;
  private SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub;

  /** Answers ExecutePlan with one empty response; every other RPC stays UNIMPLEMENTED. */
  static final class OneResponseService extends SparkConnectServiceGrpc.SparkConnectServiceImplBase {
    @Override
    public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
      out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId()).build());
      out.onCompleted();
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new OneResponseService(), recorder))
        .build()
        .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    stub = SparkConnectServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private void execute(Relation root) {
    ExecutePlanRequest request = ExecutePlanRequest.newBuilder()
        .setSessionId("00000000-0000-0000-0000-000000000001")
        .setPlan(Plan.newBuilder().setRoot(root))
        .build();
    stub.executePlan(request).forEachRemaining(r -> { });
  }

  @Test
  void findsAChunkedRelationUnderAnOperatorWithItsRepeatedHash() {
    Relation chunked = Relation.newBuilder().setChunkedCachedLocalRelation(ChunkedCachedLocalRelation.newBuilder()
        .addAllDataHashes(List.of("h1", "h2", "h2", "h3")).setSchemaHash("s")).build();
    execute(Relation.newBuilder().setAggregate(Aggregate.newBuilder().setInput(chunked)).build());

    List<LocalDataRelation> rels = recorder.relations();
    assertEquals(1, rels.size());
    LocalDataRelation r = rels.get(0);
    assertTrue(r.isChunked());
    assertEquals(List.of("h1", "h2", "h2", "h3"), r.dataHashes());
    assertEquals("s", r.schemaHash());
    assertTrue(r.hasRepeatedHash());
    assertEquals(3, r.distinctDataHashes());
  }

  @Test
  void keepsEveryExecutePlanInOrderAndNothingElse() {
    execute(Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder()
        .setData(ByteString.copyFromUtf8("arrow")).setSchema("a INT")).build());
    execute(Relation.newBuilder().setChunkedCachedLocalRelation(
        ChunkedCachedLocalRelation.newBuilder().addDataHashes("x")).build());
    assertThrows(StatusRuntimeException.class, () -> stub.config(ConfigRequest.getDefaultInstance()));

    assertEquals(2, recorder.requests().size());
    List<LocalDataRelation> rels = recorder.relations();
    assertEquals(LocalDataRelation.INLINE, rels.get(0).kind());
    assertEquals(5L, rels.get(0).dataBytes());
    assertEquals("a INT", rels.get(0).schema());
    assertTrue(rels.get(1).isChunked());
    assertEquals(null, rels.get(1).schemaHash());
    assertTrue(!rels.get(1).hasRepeatedHash());
    assertEquals(0, recorder.compressedPlans());

    recorder.clear();
    assertTrue(recorder.relations().isEmpty());
  }

  @Test
  void countsCompressedPlansItCannotLookInto() {
    stub.executePlan(ExecutePlanRequest.newBuilder().setPlan(Plan.newBuilder()
        .setCompressedOperation(Plan.CompressedOperation.newBuilder().setData(ByteString.copyFromUtf8("z"))))
        .build()).forEachRemaining(r -> { });
    assertEquals(1, recorder.compressedPlans());
    assertTrue(recorder.relations().isEmpty());
  }
}
