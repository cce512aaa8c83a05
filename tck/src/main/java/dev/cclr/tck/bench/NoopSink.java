package dev.cclr.tck.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseExecuteResponse;
import dev.cclr.proto.ReleaseSessionRequest;
import dev.cclr.proto.ReleaseSessionResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The throughput ceiling: a Spark Connect service that does no work. AddArtifacts reads and
 * discards the bytes (no CRC, no hashing, no storing) and confirms every artifact; ArtifactStatus
 * says nothing exists; Config answers Spark's defaults for the local-relation keys and remembers
 * what is set; ExecutePlan streams pre-encoded Arrow batches of {@value #BATCH_ROWS} rows (about
 * 2.5 MB; the reference server sends the bench's stored 4096-row batches as they are, about 4.1 MB
 * each, since Spark's default spark.connect.grpc.arrow.maxBatchSize is 128 MiB and only the
 * 10,000-row limit would cut them) holding exactly the bench relation's rows, in order.
 *
 * <p>The sink cannot know the rows from the discarded bytes, so the bench tells it through two
 * session confs only the sink reads: {@code cclr.bench.rows} and {@code cclr.bench.seed}. The
 * batches are encoded once per seed ({@link BenchData#PERIOD} rows' worth, since strings repeat
 * with that period); each response is the template with its id buffer replaced, assembled as a
 * rope of the shared template bytes and 20 KB of fresh ids, so the sink does no per-row work.
 * Only the last, partial batch (if any) is encoded on the fly.
 */
public final class NoopSink extends SparkConnectServiceGrpc.SparkConnectServiceImplBase {
  public static final String ROWS_CONF = "cclr.bench.rows";
  public static final String SEED_CONF = "cclr.bench.seed";
  public static final int BATCH_ROWS = 2500;
  static final long MARKER = BenchData.PERIOD * 1_000_003L;

  private static final Map<String, String> DEFAULTS = Map.of(
      "spark.sql.session.localRelationCacheThreshold", "1048576",
      "spark.sql.session.localRelationChunkSizeRows", "10000",
      "spark.sql.session.localRelationChunkSizeBytes", "16777216",
      "spark.sql.session.localRelationBatchOfChunksSizeBytes", "1073741824",
      "spark.sql.session.localRelationChunkSizeLimit", "2000MB",
      "spark.sql.session.localRelationSizeLimit", Long.toString(3L << 30));

  private final String serverSideSessionId = UUID.randomUUID().toString();
  private final Map<String, Map<String, String>> confs = new ConcurrentHashMap<>();
  private final Map<Long, Template[]> templates = new ConcurrentHashMap<>();

  /** {@code java -cp tck.jar dev.cclr.tck.bench.NoopSink [port]}: serves on 127.0.0.1 until killed. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Server server = start(port);
    System.out.println("noop sink listening on 127.0.0.1:" + server.getPort());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    server.awaitTermination();
  }

  public static Server start(int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .maxInboundMessageSize(128 * 1024 * 1024)
        // As the reference server does: the sink must not pay a hand-off per piece that the server is spared.
        .callExecutor(dev.cclr.server.TransportThreadCalls.of(SparkConnectServiceGrpc.getAddArtifactsMethod().getFullMethodName()))
        .addService(new NoopSink())
        .build()
        .start();
  }

  @Override
  public StreamObserver<AddArtifactsRequest> addArtifacts(StreamObserver<AddArtifactsResponse> responses) {
    return new StreamObserver<>() {
      private final List<String> names = new ArrayList<>();
      private String sessionId = "";

      @Override
      public void onNext(AddArtifactsRequest request) {
        sessionId = request.getSessionId();
        switch (request.getPayloadCase()) {
          case BATCH -> request.getBatch().getArtifactsList().forEach(a -> names.add(a.getName()));
          case BEGIN_CHUNK -> names.add(request.getBeginChunk().getName());
          default -> {
            // A further piece: nothing to do with it.
          }
        }
      }

      @Override
      public void onError(Throwable t) {
        // The client went away; nothing was kept.
      }

      @Override
      public void onCompleted() {
        AddArtifactsResponse.Builder response = AddArtifactsResponse.newBuilder()
            .setSessionId(sessionId).setServerSideSessionId(serverSideSessionId);
        names.forEach(n -> response.addArtifacts(
            AddArtifactsResponse.ArtifactSummary.newBuilder().setName(n).setIsCrcSuccessful(true)));
        responses.onNext(response.build());
        responses.onCompleted();
      }
    };
  }

  @Override
  public void artifactStatus(ArtifactStatusesRequest request, StreamObserver<ArtifactStatusesResponse> responses) {
    ArtifactStatusesResponse.Builder response = ArtifactStatusesResponse.newBuilder()
        .setSessionId(request.getSessionId()).setServerSideSessionId(serverSideSessionId);
    request.getNamesList().forEach(n ->
        response.putStatuses(n, ArtifactStatusesResponse.ArtifactStatus.newBuilder().setExists(false).build()));
    responses.onNext(response.build());
    responses.onCompleted();
  }

  @Override
  public void config(ConfigRequest request, StreamObserver<ConfigResponse> responses) {
    Map<String, String> session = confs.computeIfAbsent(request.getSessionId(), k -> new ConcurrentHashMap<>());
    ConfigResponse.Builder response = ConfigResponse.newBuilder()
        .setSessionId(request.getSessionId()).setServerSideSessionId(serverSideSessionId);
    ConfigRequest.Operation op = request.getOperation();
    switch (op.getOpTypeCase()) {
      case SET -> op.getSet().getPairsList().forEach(p -> session.put(p.getKey(), p.getValue()));
      case GET -> op.getGet().getKeysList().forEach(k ->
          response.addPairs(pair(k, Optional.ofNullable(session.getOrDefault(k, DEFAULTS.get(k))))));
      case GET_OPTION -> op.getGetOption().getKeysList().forEach(k ->
          response.addPairs(pair(k, Optional.ofNullable(session.getOrDefault(k, DEFAULTS.get(k))))));
      case GET_WITH_DEFAULT -> op.getGetWithDefault().getPairsList().forEach(p ->
          response.addPairs(pair(p.getKey(), Optional.of(session.getOrDefault(p.getKey(), p.getValue())))));
      case UNSET -> op.getUnset().getKeysList().forEach(session::remove);
      default -> {
        // GetAll, IsModifiable: nothing the bench asks.
      }
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  private static KeyValue pair(String key, Optional<String> value) {
    KeyValue.Builder kv = KeyValue.newBuilder().setKey(key);
    value.ifPresent(kv::setValue);
    return kv.build();
  }

  @Override
  public void analyzePlan(AnalyzePlanRequest request, StreamObserver<AnalyzePlanResponse> responses) {
    responses.onNext(AnalyzePlanResponse.newBuilder()
        .setSessionId(request.getSessionId()).setServerSideSessionId(serverSideSessionId)
        .setSparkVersion(AnalyzePlanResponse.SparkVersion.newBuilder().setVersion("noop"))
        .build());
    responses.onCompleted();
  }

  @Override
  public void releaseExecute(ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> responses) {
    responses.onNext(ReleaseExecuteResponse.newBuilder().setSessionId(request.getSessionId())
        .setServerSideSessionId(serverSideSessionId).setOperationId(request.getOperationId()).build());
    responses.onCompleted();
  }

  @Override
  public void releaseSession(ReleaseSessionRequest request, StreamObserver<ReleaseSessionResponse> responses) {
    confs.remove(request.getSessionId());
    responses.onNext(ReleaseSessionResponse.newBuilder().setSessionId(request.getSessionId())
        .setServerSideSessionId(serverSideSessionId).build());
    responses.onCompleted();
  }

  @Override
  public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> responses) {
    Map<String, String> session = confs.getOrDefault(request.getSessionId(), Map.of());
    if (!request.getPlan().getRoot().hasChunkedCachedLocalRelation() || !session.containsKey(ROWS_CONF)) {
      responses.onError(Status.INVALID_ARGUMENT
          .withDescription("the noop sink only replays bench relations (set " + ROWS_CONF + " and " + SEED_CONF + ")")
          .asRuntimeException());
      return;
    }
    long rows = Long.parseLong(session.get(ROWS_CONF));
    BenchData data = BenchData.of(Long.parseLong(session.getOrDefault(SEED_CONF, "1")));
    Template[] cycle = templates.computeIfAbsent(data.seed(), s -> templates(data));
    boolean reattachable = request.getRequestOptionsList().stream()
        .anyMatch(o -> o.hasReattachOptions() && o.getReattachOptions().getReattachable());
    String operationId = request.hasOperationId() ? request.getOperationId() : UUID.randomUUID().toString();
    ExecutePlanResponse.Builder base = ExecutePlanResponse.newBuilder()
        .setSessionId(request.getSessionId()).setServerSideSessionId(serverSideSessionId)
        .setOperationId(operationId);

    ServerCallStreamObserver<ExecutePlanResponse> call = (ServerCallStreamObserver<ExecutePlanResponse>) responses;
    Runnable drain = new Runnable() {
      private long next;
      private boolean completeSent;
      private boolean finished;

      @Override
      public synchronized void run() {
        while (!finished && call.isReady() && !call.isCancelled()) {
          if (next < rows) {
            int n = (int) Math.min(BATCH_ROWS, rows - next);
            ByteString bytes = n == BATCH_ROWS
                ? cycle[(int) (Math.floorMod(next, BenchData.PERIOD) / BATCH_ROWS)].with(next)
                : UnsafeByteOperations.unsafeWrap(data.encode(next, n, n));
            call.onNext(base.clone().setResponseId(UUID.randomUUID().toString())
                .setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
                    .setRowCount(n).setStartOffset(next).setData(bytes))
                .build());
            next += n;
          } else if (reattachable && !completeSent) {
            completeSent = true;
            call.onNext(base.clone().setResponseId(UUID.randomUUID().toString())
                .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build());
          } else {
            finished = true;
            call.onCompleted();
          }
        }
      }
    };
    call.setOnReadyHandler(drain);
    drain.run();
  }

  /** One pre-encoded batch of {@value #BATCH_ROWS} rows, split around its id buffer. */
  record Template(ByteString before, ByteString after) {
    ByteString with(long firstId) {
      ByteBuffer ids = ByteBuffer.allocate(BATCH_ROWS * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < BATCH_ROWS; i++) {
        ids.putLong(firstId + i);
      }
      ids.flip();
      return before.concat(UnsafeByteOperations.unsafeWrap(ids)).concat(after);
    }
  }

  static Template[] templates(BenchData data) {
    if (BenchData.PERIOD % BATCH_ROWS != 0) {
      throw new IllegalStateException("the period must be a multiple of the batch size");
    }
    Template[] cycle = new Template[BenchData.PERIOD / BATCH_ROWS];
    for (int t = 0; t < cycle.length; t++) {
      long first = MARKER + (long) t * BATCH_ROWS;
      byte[] bytes = data.encode(first, BATCH_ROWS, BATCH_ROWS);
      int at = indexOfIds(bytes, first);
      ByteString all = UnsafeByteOperations.unsafeWrap(bytes);
      cycle[t] = new Template(all.substring(0, at), all.substring(at + BATCH_ROWS * 8));
    }
    return cycle;
  }

  /** Where the little-endian ids first, first+1, ... start in the encoded batch. */
  static int indexOfIds(byte[] bytes, long first) {
    ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at + 16 <= bytes.length; at += 8) { // Arrow buffers are 8-byte aligned
      if (view.getLong(at) == first && view.getLong(at + 8) == first + 1) {
        return at;
      }
    }
    throw new IllegalStateException("no id buffer in the template batch");
  }

  /** Every session conf this sink knows by default, for tests. */
  static Map<String, String> defaults() {
    return new LinkedHashMap<>(DEFAULTS);
  }
}
