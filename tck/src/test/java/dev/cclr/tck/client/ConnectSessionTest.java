package dev.cclr.tck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.proto.Range;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseExecuteResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.tck.arrow.ArrowIpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted server on 127.0.0.1: what goes on the wire (headers, session
 * fields, framing) and how responses are collected (reattach, chunked batches, errors mid-stream).
 */
class ConnectSessionTest {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String SESSION = "00000000-0000-0000-0000-00000000000a";

  private final List<Metadata> headers = new CopyOnWriteArrayList<>();
  private final List<Object> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  /** A Range end that makes the scripted ExecutePlan keep its stream open after the first response. */
  private static final long HELD_OPEN = 7;
  private final CountDownLatch firstStreamCut = new CountDownLatch(1);
  private Server server;
  private ConnectSession session;
  private byte[] ipc;

  @BeforeEach
  void start() throws Exception {
    try (RootAllocator allocator = new RootAllocator(); IntVector v = new IntVector("id", allocator)) {
      v.allocateNew(2);
      v.set(0, 41);
      v.set(1, 42);
      v.setValueCount(2);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(v)) {
        ipc = ArrowIpc.write(root);
      }
    }
    ServerInterceptor recordHeaders =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata h, ServerCallHandler<Q, R> next) {
            headers.add(h);
            return next.startCall(call, h);
          }
        };
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerInterceptors.intercept(new ScriptedService(), recordHeaders))
            .build()
            .start();
    session =
        ConnectSession.open(
            ConnectUri.parse("sc://127.0.0.1:" + server.getPort() + "/;token=s3cret;user_id=alice;session_id="
                + SESSION + ";x-extra=yes"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    session.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void requestsCarryTokenHeadersSessionAndTheObservedServerSession() {
    session.configGet("k");
    session.configGet("k");

    assertEquals("Bearer s3cret", headers.get(0).get(AUTHORIZATION));
    assertEquals("yes", headers.get(0).get(Metadata.Key.of("x-extra", Metadata.ASCII_STRING_MARSHALLER)));
    ConfigRequest first = (ConfigRequest) requests.get(0);
    ConfigRequest second = (ConfigRequest) requests.get(1);
    assertEquals(SESSION, first.getSessionId());
    assertEquals("alice", first.getUserContext().getUserId());
    assertTrue(first.getClientType().startsWith("_CCLR_TCK"), first.getClientType());
    assertFalse(first.hasClientObservedServerSideSessionId(), "nothing observed before the first answer");
    assertEquals("server-side-1", second.getClientObservedServerSideSessionId());
    assertEquals(Optional.of("server-side-1"), session.serverSideSessionId());
  }

  @Test
  void uploadsQueueUpToOneMebibyteBeforeTheCallStopsBeingReady() {
    // The bench's upload rate depends on it (see UPLOAD_ON_READY_THRESHOLD); gRPC's default of
    // 32 KiB made every 32 KiB piece wait for the transport thread.
    io.grpc.CallOptions options = session.uploadOptions();
    assertEquals(Integer.valueOf(1 << 20), options.getOnReadyThreshold());
    assertNotNull(options.getDeadline(), "uploads keep the session's call deadline");
  }

  @Test
  void executeReattachesJoinsChunkedBatchesAndReleases() {
    ExecuteResult result = session.execute(range());

    assertTrue(result.succeeded(), () -> result.error().map(RemoteError::summary).orElse(""));
    assertTrue(result.resultComplete());
    assertEquals(1, result.reattaches());
    assertEquals(List.of("r1", "r2", "r3"), result.responseIds());
    assertEquals(List.of(), result.protocolProblems());
    assertEquals(1, result.batches().size());
    assertEquals(2, result.batches().get(0).chunks());
    assertEquals(List.of(List.of(41L), List.of(42L)), result.table().rows());
    assertEquals(2, result.declaredRowCount());

    ExecutePlanRequest execute = (ExecutePlanRequest) requests.get(0);
    assertTrue(execute.getRequestOptions(0).getReattachOptions().getReattachable());
    ReattachExecuteRequest reattach = (ReattachExecuteRequest) requests.get(1);
    assertEquals(execute.getOperationId(), reattach.getOperationId());
    assertEquals("r1", reattach.getLastResponseId());
    ReleaseExecuteRequest release = (ReleaseExecuteRequest) requests.get(2);
    assertTrue(release.hasReleaseAll());
    assertEquals(execute.getOperationId(), release.getOperationId());
  }

  @Test
  void aCutFirstStreamIsCancelledAndTheRestComesByReattaching() throws InterruptedException {
    Relation heldOpen = Relation.newBuilder().setRange(Range.newBuilder().setEnd(HELD_OPEN)).build();
    ExecuteResult result = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> session.execute(heldOpen, ExecuteOptions.defaults().cuttingFirstStreamAfter(1)));

    assertTrue(firstStreamCut.await(5, TimeUnit.SECONDS), "the server saw the first stream cancelled");
    assertTrue(result.resultComplete());
    assertEquals(1, result.reattaches());
    assertEquals(List.of("r1", "r2", "r3"), result.responseIds());
    assertEquals("r1", ((ReattachExecuteRequest) requests.get(1)).getLastResponseId());
    assertEquals(List.of(List.of(41L), List.of(42L)), result.table().rows());
  }

  @Test
  void aStreamThatCompletesBeforeTheCutIsTakenWholeWithoutReattaching() {
    // The scripted ReattachExecute answers r2 and r3; a cut after 5 never comes in r1's stream,
    // which ends without ResultComplete, so the usual reattach follows (one, not a second).
    ExecuteResult result = session.execute(range(), ExecuteOptions.defaults().cuttingFirstStreamAfter(5));
    assertEquals(1, result.reattaches());
    assertEquals(1, firstStreamCut.getCount(), "nothing was cancelled");
  }

  @Test
  void onlyAReattachableExecutionCanBeCut() {
    assertThrows(IllegalArgumentException.class, () -> ExecuteOptions.singleStream().cuttingFirstStreamAfter(1));
    assertThrows(IllegalArgumentException.class, () -> ExecuteOptions.defaults().cuttingFirstStreamAfter(-1));
  }

  @Test
  void anErrorMidStreamKeepsWhatArrivedBefore() {
    Relation failing =
        Relation.newBuilder().setRange(Range.newBuilder().setEnd(-1)).build();
    ExecuteResult result = session.execute(failing);

    assertFalse(result.succeeded());
    assertEquals(1, result.responses().size());
    RemoteError error = result.error().orElseThrow();
    assertEquals(Status.Code.INTERNAL, error.code());
    assertEquals(Optional.of("SCRIPTED_FAILURE"), error.errorClass());
    assertEquals(Map.of("n", "-1"), error.messageParameters());
    assertFalse(result.resultComplete());
  }

  @Test
  void addArtifactsIsFramedAndStamped() {
    byte[] big = new byte[SparkArtifactFraming.CHUNK_SIZE + 10];
    AddArtifactsResponse response =
        session.addArtifacts(List.of(ArtifactBlob.of("cache/small", new byte[] {1}), ArtifactBlob.of("cache/big", big)));

    assertEquals(List.of("cache/small", "cache/big"),
        response.getArtifactsList().stream().map(AddArtifactsResponse.ArtifactSummary::getName).toList());
    List<AddArtifactsRequest> sent =
        requests.stream().map(AddArtifactsRequest.class::cast).toList();
    assertEquals(
        List.of(AddArtifactsRequest.PayloadCase.BATCH, AddArtifactsRequest.PayloadCase.BEGIN_CHUNK,
            AddArtifactsRequest.PayloadCase.CHUNK),
        sent.stream().map(AddArtifactsRequest::getPayloadCase).toList());
    sent.forEach(m -> assertEquals(SESSION, m.getSessionId()));
  }

  @Test
  void aRawUploadCanBeCancelledAndTheCancellationIsData() throws InterruptedException {
    AddArtifactsRequest begin =
        session.stamp(
            AddArtifactsRequest.newBuilder()
                .setBeginChunk(
                    AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
                        .setName("cache/x")
                        .setNumChunks(3)
                        .setTotalBytes(3)
                        .setInitialChunk(SparkArtifactFraming.chunk(ByteString.copyFromUtf8("a"))))
                .build());
    CallOutcome<AddArtifactsResponse> outcome = session.addArtifactsRaw(List.of(begin), StreamEnd.CANCEL);

    assertEquals(Status.Code.CANCELLED, outcome.errorOrThrow().code());
    assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the server never saw the cancellation");
  }

  private static Relation range() {
    return Relation.newBuilder().setRange(Range.newBuilder().setEnd(2)).build();
  }

  /** Answers just enough of the protocol for the tests above. */
  private final class ScriptedService extends SparkConnectServiceGrpc.SparkConnectServiceImplBase {
    @Override
    public void config(ConfigRequest request, StreamObserver<ConfigResponse> out) {
      requests.add(request);
      out.onNext(
          ConfigResponse.newBuilder()
              .setSessionId(request.getSessionId())
              .setServerSideSessionId("server-side-1")
              .addPairs(KeyValue.newBuilder().setKey("k").setValue("v"))
              .build());
      out.onCompleted();
    }

    @Override
    public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
      requests.add(request);
      if (request.getPlan().getRoot().getRange().getEnd() < 0) {
        out.onNext(response(request.getOperationId(), "p1").build());
        ErrorInfo info = ErrorInfo.newBuilder()
            .setReason("Scripted")
            .putMetadata("errorClass", "SCRIPTED_FAILURE")
            .putMetadata("messageParameters", "{\"n\":\"-1\"}")
            .build();
        out.onError(StatusProto.toStatusRuntimeException(
            com.google.rpc.Status.newBuilder().setCode(Code.INTERNAL_VALUE).setMessage("boom")
                .addDetails(Any.pack(info)).build()));
        return;
      }
      // First half of a chunked batch, then the stream ends without ResultComplete.
      out.onNext(chunk(request.getOperationId(), "r1", 0));
      if (request.getPlan().getRoot().getRange().getEnd() == HELD_OPEN) {
        // The stream stays open: only the client's cut lets the execution go on.
        ((io.grpc.stub.ServerCallStreamObserver<ExecutePlanResponse>) out).setOnCancelHandler(firstStreamCut::countDown);
        return;
      }
      out.onCompleted();
    }

    @Override
    public void reattachExecute(ReattachExecuteRequest request, StreamObserver<ExecutePlanResponse> out) {
      requests.add(request);
      out.onNext(chunk(request.getOperationId(), "r2", 1));
      out.onNext(response(request.getOperationId(), "r3")
          .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build());
      out.onCompleted();
    }

    @Override
    public void releaseExecute(ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> out) {
      requests.add(request);
      out.onNext(ReleaseExecuteResponse.newBuilder().setOperationId(request.getOperationId()).build());
      out.onCompleted();
    }

    @Override
    public StreamObserver<AddArtifactsRequest> addArtifacts(StreamObserver<AddArtifactsResponse> out) {
      AddArtifactsResponse.Builder response = AddArtifactsResponse.newBuilder();
      return new StreamObserver<>() {
        @Override
        public void onNext(AddArtifactsRequest value) {
          requests.add(value);
          if (value.hasBatch()) {
            value.getBatch().getArtifactsList().forEach(a -> response.addArtifacts(
                AddArtifactsResponse.ArtifactSummary.newBuilder().setName(a.getName()).setIsCrcSuccessful(true)));
          } else if (value.hasBeginChunk()) {
            response.addArtifacts(AddArtifactsResponse.ArtifactSummary.newBuilder()
                .setName(value.getBeginChunk().getName()).setIsCrcSuccessful(true));
          }
        }

        @Override
        public void onError(Throwable t) {
          if (Status.fromThrowable(t).getCode() == Status.Code.CANCELLED) {
            cancelled.countDown();
          }
        }

        @Override
        public void onCompleted() {
          out.onNext(response.build());
          out.onCompleted();
        }
      };
    }

    private ExecutePlanResponse chunk(String operationId, String responseId, int index) {
      int half = ipc.length / 2;
      ByteString data = index == 0
          ? ByteString.copyFrom(ipc, 0, half)
          : ByteString.copyFrom(ipc, half, ipc.length - half);
      return response(operationId, responseId)
          .setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
              .setRowCount(2).setData(data).setChunkIndex(index).setNumChunksInBatch(2))
          .build();
    }

    private ExecutePlanResponse.Builder response(String operationId, String responseId) {
      return ExecutePlanResponse.newBuilder()
          .setSessionId(SESSION)
          .setServerSideSessionId("server-side-1")
          .setOperationId(operationId)
          .setResponseId(responseId);
    }
  }
}
