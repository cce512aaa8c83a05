package dev.cclr.tck.client;

import dev.cclr.server.artifacts.AliasingMarshaller;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.DataType;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.proto.Plan;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.proto.ReattachOptions;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ResultChunkingOptions;
import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseSessionRequest;
import dev.cclr.proto.ReleaseSessionResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.proto.UserContext;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One Spark Connect session on its own gRPC channel: the protocol client every part of the kit
 * uses. It stamps each request with the session id, user context and client type, remembers the
 * {@code server_side_session_id} the server answers with and sends it back as {@code
 * client_observed_server_side_session_id} (so a server that lost the session can say so), and
 * turns failed calls into {@link RemoteErrorException}s carrying a {@link RemoteError}.
 *
 * <p>Unary calls return the server's response message unchanged. {@link #execute} returns an
 * {@link ExecuteResult} even when the execution fails, since what arrived before the error
 * matters. Calls may come from several threads; the observed server-side session id is simply the
 * latest one any response carried.
 *
 * <p>Why one class of about 450 lines: it is the kit's whole protocol client, one short method per
 * RPC and Config operation over one channel and one set of session fields; split up, every part
 * would need the same channel, stamping and error mapping handed around.
 */
public final class ConnectSession implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ConnectUri uri;
  private final ConnectOptions options;
  private final ManagedChannel channel;
  private final String sessionId;
  private final UserContext userContext;
  private final String clientType;
  private final AtomicReference<String> serverSideSessionId = new AtomicReference<>();

  private ConnectSession(ConnectUri uri, ConnectOptions options, Optional<String> anySessionId) {
    this.uri = uri;
    this.options = options;
    this.sessionId = anySessionId.or(uri::sessionId).orElseGet(() -> UUID.randomUUID().toString());
    this.userContext =
        UserContext.newBuilder()
            .setUserId(uri.userId().orElseGet(() -> System.getProperty("user.name", "cclr")))
            .build();
    this.clientType = uri.userAgent().orElse(options.clientType());
    ChannelCredentials credentials =
        uri.useSsl() ? TlsChannelCredentials.create() : InsecureChannelCredentials.create();
    this.channel =
        NettyChannelBuilder.forAddress(uri.socketHost(), uri.port(), credentials)
            .maxInboundMessageSize(uri.grpcMaxMessageSize().orElse(options.maxInboundMessageSize()))
            .intercept(new HeaderInterceptor(uri))
            .build();
  }

  public static ConnectSession open(ConnectUri uri) {
    return new ConnectSession(uri, ConnectOptions.defaults(), Optional.empty());
  }

  public static ConnectSession open(ConnectUri uri, ConnectOptions options) {
    return new ConnectSession(uri, options, Optional.empty());
  }

  /**
   * A session that sends {@code sessionId} as its {@code session_id}, UUID or not. Only server
   * cases need it, to see what a server answers a malformed id; {@link ConnectUri} accepts UUIDs
   * only, since every real client must send one (CLI-SES-001).
   */
  public static ConnectSession openWithAnySessionId(ConnectUri uri, String sessionId) {
    return new ConnectSession(uri, ConnectOptions.defaults(), Optional.of(sessionId));
  }

  public ConnectUri uri() {
    return uri;
  }

  public String sessionId() {
    return sessionId;
  }

  public String userId() {
    return userContext.getUserId();
  }

  public String clientType() {
    return clientType;
  }

  /** The server_side_session_id of the latest response that carried one. */
  public Optional<String> serverSideSessionId() {
    return Optional.ofNullable(serverSideSessionId.get());
  }

  /** The channel, for calls this class does not wrap. */
  public Channel channel() {
    return channel;
  }

  // ---- Config ------------------------------------------------------------------------------

  public ConfigResponse config(ConfigRequest.Operation operation) {
    ConfigRequest.Builder request =
        ConfigRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType)
            .setOperation(operation);
    serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);
    return unary("Config", () -> blocking().config(request.build()), ConfigResponse::getServerSideSessionId);
  }

  public ConfigResponse configSet(Map<String, String> pairs) {
    ConfigRequest.Set.Builder set = ConfigRequest.Set.newBuilder();
    pairs.forEach((k, v) -> set.addPairs(KeyValue.newBuilder().setKey(k).setValue(v)));
    return config(ConfigRequest.Operation.newBuilder().setSet(set).build());
  }

  public ConfigResponse configGet(String... keys) {
    return config(
        ConfigRequest.Operation.newBuilder()
            .setGet(ConfigRequest.Get.newBuilder().addAllKeys(List.of(keys)))
            .build());
  }

  public ConfigResponse configGetOption(String... keys) {
    return config(
        ConfigRequest.Operation.newBuilder()
            .setGetOption(ConfigRequest.GetOption.newBuilder().addAllKeys(List.of(keys)))
            .build());
  }

  public ConfigResponse configGetWithDefault(Map<String, String> keysAndDefaults) {
    ConfigRequest.GetWithDefault.Builder get = ConfigRequest.GetWithDefault.newBuilder();
    keysAndDefaults.forEach((k, v) -> get.addPairs(KeyValue.newBuilder().setKey(k).setValue(v)));
    return config(ConfigRequest.Operation.newBuilder().setGetWithDefault(get).build());
  }

  public ConfigResponse configGetAll(Optional<String> prefix) {
    ConfigRequest.GetAll.Builder getAll = ConfigRequest.GetAll.newBuilder();
    prefix.ifPresent(getAll::setPrefix);
    return config(ConfigRequest.Operation.newBuilder().setGetAll(getAll).build());
  }

  public ConfigResponse configUnset(String... keys) {
    return config(
        ConfigRequest.Operation.newBuilder()
            .setUnset(ConfigRequest.Unset.newBuilder().addAllKeys(List.of(keys)))
            .build());
  }

  public ConfigResponse configIsModifiable(String... keys) {
    return config(
        ConfigRequest.Operation.newBuilder()
            .setIsModifiable(ConfigRequest.IsModifiable.newBuilder().addAllKeys(List.of(keys)))
            .build());
  }

  // ---- Artifacts ---------------------------------------------------------------------------

  public ArtifactStatusesResponse artifactStatus(Collection<String> names) {
    ArtifactStatusesRequest.Builder request =
        ArtifactStatusesRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType)
            .addAllNames(names);
    serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);
    return unary(
        "ArtifactStatus",
        () -> blocking().artifactStatus(request.build()),
        ArtifactStatusesResponse::getServerSideSessionId);
  }

  /** Uploads the artifacts in one AddArtifacts call, framed exactly as Spark's clients frame them. */
  public AddArtifactsResponse addArtifacts(List<ArtifactBlob> artifacts) {
    if (artifacts.isEmpty()) {
      throw new IllegalArgumentException("nothing to upload; Spark's clients never open an empty stream");
    }
    List<AddArtifactsRequest> messages =
        SparkArtifactFraming.frame(artifacts).stream().map(this::stamp).toList();
    CallOutcome<AddArtifactsResponse> outcome = addArtifactsRaw(messages, StreamEnd.COMPLETE);
    if (outcome.error().isPresent()) {
      throw new RemoteErrorException("AddArtifacts", outcome.error().get(), null);
    }
    return outcome.orThrow();
  }

  /**
   * Sends these AddArtifacts messages exactly as given, in one call, then ends the stream as told.
   * For malformed-framing scenarios: wrong CRCs, a chunk without a begin, a stream that stops
   * early, foreign session ids... Use {@link #stamp} to give a message this session's fields.
   * Messages are taken from the iterable one at a time under gRPC flow control, so a lazy iterable
   * uploads gigabytes without holding them (the benchmark does).
   *
   * @return the response, or the call's error as data; never throws for a server-side failure
   */
  public CallOutcome<AddArtifactsResponse> addArtifactsRaw(
      Iterable<AddArtifactsRequest> messages, StreamEnd end) {
    return addArtifactsRaw(messages, end, Map.of());
  }

  /**
   * As {@link #addArtifactsRaw(Iterable, StreamEnd)}, but each message that is a key of {@code
   * trailing} (the same instance) goes on the wire with those bytes after its encoding: malformed
   * protobuf, which a server must refuse as gRPC's own parser does.
   */
  public CallOutcome<AddArtifactsResponse> addArtifactsRaw(
      Iterable<AddArtifactsRequest> messages, StreamEnd end, Map<AddArtifactsRequest, byte[]> trailing) {
    MethodDescriptor<AddArtifactsRequest, AddArtifactsResponse> method = trailing.isEmpty()
        ? SparkConnectServiceGrpc.getAddArtifactsMethod()
        : SparkConnectServiceGrpc.getAddArtifactsMethod().toBuilder()
            .setRequestMarshaller(new TrailingBytesMarshaller<>(
                SparkConnectServiceGrpc.getAddArtifactsMethod().getRequestMarshaller(), trailing))
            .build();
    try {
      AddArtifactsResponse response =
          ClientStreamSender.send(
              (io.grpc.stub.StreamObserver<AddArtifactsResponse> observer) ->
                  ClientCalls.asyncClientStreamingCall(
                      channel.newCall(method, uploadOptions()), observer),
              messages,
              end,
              options.callTimeout());
      observe(response.getServerSideSessionId());
      return CallOutcome.success(response);
    } catch (StatusRuntimeException e) {
      return CallOutcome.failure(RemoteError.from(e));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("AddArtifacts failed locally: " + e, e);
    }
  }

  /**
   * How many bytes an upload may have queued in the transport before the call stops being ready
   * (gRPC's default is 32 KiB). With the default, every 32 KiB piece made the call not ready until
   * the transport thread had written it, so each piece cost a round of thread wake-ups (sender,
   * transport, the on-ready callback's executor) and a write of its own: against a server that reads
   * as fast as it is sent, the bench client spent 2.7-3.0 CPU-s per GB and uploaded 350-400 MB/s;
   * with 1 MiB, 1.5-1.9 CPU-s per GB and 1,000-1,400 MB/s. Flow control is unchanged: the server's
   * HTTP/2 window still bounds what is in flight, and at most 1 MiB of pieces waits in the client's
   * transport (32 pieces of 32 KiB), so memory stays bounded however large the upload.
   */
  public static final int UPLOAD_ON_READY_THRESHOLD = 1 << 20;

  /** The options of every AddArtifacts call (package-private for the test that pins them). */
  CallOptions uploadOptions() {
    return CallOptions.DEFAULT.withDeadline(deadline()).withOnReadyThreshold(UPLOAD_ON_READY_THRESHOLD);
  }

  /** The message with this session's id, user context, client type and observed server session. */
  public AddArtifactsRequest stamp(AddArtifactsRequest message) {
    AddArtifactsRequest.Builder builder =
        message.toBuilder().setSessionId(sessionId).setUserContext(userContext).setClientType(clientType);
    serverSideSessionId().ifPresent(builder::setClientObservedServerSideSessionId);
    return builder.build();
  }

  // ---- Execution ---------------------------------------------------------------------------

  public ExecuteResult execute(Relation relation) {
    return execute(relation, ExecuteOptions.defaults());
  }

  /**
   * Runs the relation and collects its whole result. With a reattachable execution, a stream that
   * ends without ResultComplete is resumed with ReattachExecute from the last response id received,
   * until ResultComplete, an error, a resumed stream that brings nothing new, or {@code
   * maxReattaches}.
   */
  public ExecuteResult execute(Relation relation, ExecuteOptions executeOptions) {
    return execute(Plan.newBuilder().setRoot(relation).build(), executeOptions);
  }

  /** As {@link #execute(Relation, ExecuteOptions)}, for a plan of any form (compressed, or without an operation). */
  public ExecuteResult execute(Plan plan, ExecuteOptions executeOptions) {
    String operationId = executeOptions.operationId().orElseGet(() -> UUID.randomUUID().toString());
    ExecutePlanRequest.Builder request =
        ExecutePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType)
            .setOperationId(operationId)
            .setPlan(plan);
    if (executeOptions.reattachable()) {
      request.addRequestOptions(
          ExecutePlanRequest.RequestOption.newBuilder()
              .setReattachOptions(ReattachOptions.newBuilder().setReattachable(true)));
    }
    executeOptions.preferredChunkSize().ifPresent(bytes -> {
      ResultChunkingOptions.Builder chunking = ResultChunkingOptions.newBuilder().setAllowArrowBatchChunking(true);
      if (bytes > 0) {
        chunking.setPreferredArrowChunkSize(bytes);
      }
      request.addRequestOptions(ExecutePlanRequest.RequestOption.newBuilder().setResultChunkingOptions(chunking));
    });
    serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);

    ExecuteCollector collector = new ExecuteCollector(operationId, executeOptions.batchSink());
    ClientCall<ExecutePlanRequest, ExecutePlanResponse> first =
        channel.newCall(ALIASED_EXECUTE_PLAN, CallOptions.DEFAULT.withDeadline(deadline()));
    Optional<RemoteError> error = drain(ClientCalls.blockingServerStreamingCall(first, request.build()), collector,
        executeOptions.cutFirstStreamAfter(), () -> first.cancel("cclr TCK: the case cuts this stream to reattach", null));
    int reattaches = 0;
    while (error.isEmpty() && executeOptions.reattachable() && !collector.resultComplete()) {
      if (reattaches >= executeOptions.maxReattaches()) {
        collector.problem("gave up after " + reattaches + " reattaches without ResultComplete");
        break;
      }
      reattaches++;
      int before = collector.responseCount();
      error = drain(ClientCalls.blockingServerStreamingCall(channel, ALIASED_REATTACH_EXECUTE,
          CallOptions.DEFAULT.withDeadline(deadline()), reattachRequest(operationId, collector.lastResponseId())), collector);
      if (error.isEmpty() && !collector.resultComplete() && collector.responseCount() == before) {
        collector.problem("a reattached stream ended without any response and without ResultComplete");
        break;
      }
    }
    Optional<RemoteError> releaseError = Optional.empty();
    if (error.isEmpty() && collector.resultComplete() && executeOptions.releaseWhenComplete()) {
      releaseError = releaseAll(operationId);
    }
    return collector.finish(reattaches, error, releaseError);
  }

  /**
   * One ReattachExecute of an operation, from {@code lastResponseId} or (empty) from its start,
   * read to its end and not resumed: what a client sees when it reattaches once. Nothing is
   * released. {@code rowsBefore} is how many rows the client received up to that response, from
   * which the stream's start_offset counts on.
   */
  public ExecuteResult reattachOnce(String operationId, Optional<String> lastResponseId, long rowsBefore) {
    ExecuteCollector collector = new ExecuteCollector(operationId, Optional.empty(), rowsBefore);
    Optional<RemoteError> error = drain(ClientCalls.blockingServerStreamingCall(channel, ALIASED_REATTACH_EXECUTE,
        CallOptions.DEFAULT.withDeadline(deadline()), reattachRequest(operationId, lastResponseId)), collector);
    return collector.finish(1, error, Optional.empty());
  }

  private ReattachExecuteRequest reattachRequest(String operationId, Optional<String> lastResponseId) {
    ReattachExecuteRequest.Builder reattach =
        ReattachExecuteRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType)
            .setOperationId(operationId);
    lastResponseId.ifPresent(reattach::setLastResponseId);
    serverSideSessionId().ifPresent(reattach::setClientObservedServerSideSessionId);
    return reattach.build();
  }

  public DataType analyzeSchema(Relation relation) {
    AnalyzePlanRequest.Builder request =
        analyzeRequest()
            .setSchema(
                AnalyzePlanRequest.Schema.newBuilder().setPlan(Plan.newBuilder().setRoot(relation)));
    return unary("AnalyzePlan(schema)", () -> blocking().analyzePlan(request.build()),
            AnalyzePlanResponse::getServerSideSessionId)
        .getSchema()
        .getSchema();
  }

  /** The server's Spark version, a cheap call that also proves the server answers. */
  public String sparkVersion() {
    AnalyzePlanRequest.Builder request =
        analyzeRequest().setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance());
    return unary("AnalyzePlan(spark_version)", () -> blocking().analyzePlan(request.build()),
            AnalyzePlanResponse::getServerSideSessionId)
        .getSparkVersion()
        .getVersion();
  }

  /** Ends the session on the server, which drops everything the session stored. */
  public ReleaseSessionResponse releaseSession() {
    return releaseSession(false);
  }

  /**
   * Ends the session on the server; with {@code allowReconnect} the server may serve a later
   * request naming the same session id by a new server-side session instead of refusing it.
   */
  public ReleaseSessionResponse releaseSession(boolean allowReconnect) {
    ReleaseSessionRequest request =
        ReleaseSessionRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType)
            .setAllowReconnect(allowReconnect)
            .build();
    return unary("ReleaseSession", () -> blocking().releaseSession(request),
        ReleaseSessionResponse::getServerSideSessionId);
  }

  /** Closes the channel (not the server-side session: see {@link #releaseSession()}). */
  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private AnalyzePlanRequest.Builder analyzeRequest() {
    AnalyzePlanRequest.Builder request =
        AnalyzePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType);
    serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);
    return request;
  }

  private Optional<RemoteError> releaseAll(String operationId) {
    return releaseExecute(operationId, Optional.empty());
  }

  /**
   * ReleaseExecute of an operation: all of it ({@code until} empty), or its responses up to and
   * including the one with id {@code until}. Empty when the server accepted it.
   */
  public Optional<RemoteError> releaseExecute(String operationId, Optional<String> until) {
    ReleaseExecuteRequest.Builder release =
        ReleaseExecuteRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(clientType)
            .setOperationId(operationId);
    until.ifPresentOrElse(
        id -> release.setReleaseUntil(ReleaseExecuteRequest.ReleaseUntil.newBuilder().setResponseId(id)),
        () -> release.setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()));
    serverSideSessionId().ifPresent(release::setClientObservedServerSideSessionId);
    try {
      observe(blocking().releaseExecute(release.build()).getServerSideSessionId());
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      return Optional.of(RemoteError.from(e));
    }
  }

  private Optional<RemoteError> drain(Iterator<ExecutePlanResponse> stream, ExecuteCollector collector) {
    return drain(stream, collector, 0, () -> { });
  }

  /**
   * Takes the stream's responses; with {@code cutAfter} positive, cancels the call through {@code
   * cut} once that many responses came and none was ResultComplete (a stream that completes
   * sooner is simply taken whole: the caller sees that no reattach happened).
   */
  private Optional<RemoteError> drain(Iterator<ExecutePlanResponse> stream, ExecuteCollector collector,
      int cutAfter, Runnable cut) {
    try {
      int taken = 0;
      while (stream.hasNext()) {
        ExecutePlanResponse response = stream.next();
        observe(response.getServerSideSessionId());
        collector.accept(response);
        if (++taken == cutAfter && !collector.resultComplete()) {
          cut.run();
          return Optional.empty();
        }
      }
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      return Optional.of(RemoteError.from(e));
    }
  }

  private <T> T unary(String call, Supplier<T> invocation, Function<T, String> serverSession) {
    try {
      T response = invocation.get();
      observe(serverSession.apply(response));
      return response;
    } catch (StatusRuntimeException e) {
      throw new RemoteErrorException(call, RemoteError.from(e), e);
    }
  }

  private void observe(String serverSide) {
    if (serverSide != null && !serverSide.isEmpty()) {
      serverSideSessionId.set(serverSide);
    }
  }

  /**
   * ExecutePlan and ReattachExecute with responses parsed by an {@link AliasingMarshaller}: a
   * result batch's bytes are copied once out of gRPC's buffers and then decoded from that view,
   * instead of being copied into a reused buffer and again into a {@code ByteString}.
   */
  private static final MethodDescriptor<ExecutePlanRequest, ExecutePlanResponse> ALIASED_EXECUTE_PLAN =
      SparkConnectServiceGrpc.getExecutePlanMethod().toBuilder()
          .setResponseMarshaller(new AliasingMarshaller<>(ExecutePlanResponse.parser(),
              SparkConnectServiceGrpc.getExecutePlanMethod().getResponseMarshaller()))
          .build();
  private static final MethodDescriptor<ReattachExecuteRequest, ExecutePlanResponse> ALIASED_REATTACH_EXECUTE =
      SparkConnectServiceGrpc.getReattachExecuteMethod().toBuilder()
          .setResponseMarshaller(new AliasingMarshaller<>(ExecutePlanResponse.parser(),
              SparkConnectServiceGrpc.getReattachExecuteMethod().getResponseMarshaller()))
          .build();

  private SparkConnectServiceGrpc.SparkConnectServiceBlockingStub blocking() {
    return SparkConnectServiceGrpc.newBlockingStub(channel).withDeadline(deadline());
  }

  private io.grpc.Deadline deadline() {
    Duration timeout = options.callTimeout();
    return io.grpc.Deadline.after(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Adds the bearer token and the connection string's extra parameters as request headers. */
  private static final class HeaderInterceptor implements ClientInterceptor {
    private final ConnectUri uri;

    HeaderInterceptor(ConnectUri uri) {
      this.uri = uri;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
        @Override
        public void start(Listener<RespT> responseListener, Metadata headers) {
          uri.token().ifPresent(token -> headers.put(AUTHORIZATION, "Bearer " + token));
          uri.extraHeaders()
              .forEach(
                  (key, value) ->
                      headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value));
          super.start(responseListener, headers);
        }
      };
    }
  }
}
