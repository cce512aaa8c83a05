package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.Limit;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import dev.cclr.proto.RelationCommon;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.proto.UserContext;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.CallOutcome;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ExecuteOptions;
import dev.cclr.tck.client.ExecuteResult;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.client.SparkArtifactFraming;
import dev.cclr.tck.client.SparkErrorInfo;
import dev.cclr.tck.client.StreamEnd;
import dev.cclr.tck.fixtures.FixtureException;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Performs the steps of a manifest through the protocol client; see {@code fixtures/README.md}. */
final class StepExecutor {
  private static final String DEFAULT_SESSION = "main";

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final long RAW_CALL_TIMEOUT_SECONDS = 120;

  private final Map<String, Blob> blobs;
  private final CaseSessions sessions;
  /** The first server_side_session_id each session's responses carried (SRV-SES-003). */
  private final Map<String, String> firstServerSide = new HashMap<>();

  StepExecutor(Map<String, Blob> blobs, String profile, CaseSessions sessions) {
    this.blobs = blobs;
    this.sessions = sessions;
  }

  Placeholders placeholdersFor(JsonNode step) {
    ConnectSession session = session(step);
    Supplier<String> serverSide = () -> session.serverSideSessionId().orElse("<no server-side session id seen yet>");
    return new Placeholders(blobs, serverSide);
  }

  Observation perform(JsonNode step) {
    String op = step.path("op").asText();
    ConnectSession session = session(step);
    Placeholders p = placeholdersFor(step);
    switch (op) {
      case "setConfig":
        return configSet(session, step, p);
      case "getConfig":
        return configGet(session, step, p);
      case "unsetConfig":
        return configUnset(session, step, p);
      case "upload":
        return upload(session, step, p);
      case "uploadRaw":
        return uploadRaw(session, step, p);
      case "status":
        return status(session, step, p);
      case "execute":
        return execute(session, step, p);
      case "analyze":
        return analyze(session, step, p);
      case "releaseSession":
        return call(op, session, () -> {
          session.releaseSession();
          return CaseRunner.object().put("ok", true);
        });
      default:
        throw new FixtureException("unknown step op '" + op + "'");
    }
  }

  private ConnectSession session(JsonNode step) {
    return sessions.get(sessionName(step), CaseSessions.Credentials.of(step.path("credentials").asText("")));
  }

  private static String sessionName(JsonNode step) {
    return step.path("session").asText(DEFAULT_SESSION);
  }

  /**
   * What SRV-SES-003 asks of every response: the request's session_id echoed, and a non-empty
   * server_side_session_id that stays the same for the session. Recorded in the observation as
   * {@code sessionProblems} (only when there are any); the expectation {@code sessionEcho} checks it.
   */
  private void checkEcho(String sessionName, ConnectSession session, String call, String sessionId,
      String serverSide, List<String> problems) {
    if (!session.sessionId().equals(sessionId)) {
      problems.add(call + " response carries session_id '" + sessionId + "', not the request's");
    }
    if (serverSide == null || serverSide.isEmpty()) {
      problems.add(call + " response carries no server_side_session_id");
      return;
    }
    String first = firstServerSide.putIfAbsent(sessionName, serverSide);
    if (first != null && !first.equals(serverSide)) {
      problems.add(call + " response carries server_side_session_id " + serverSide + ", earlier ones " + first);
    }
  }

  private static ObjectNode withProblems(ObjectNode data, List<String> problems) {
    if (!problems.isEmpty()) {
      var a = data.putArray("sessionProblems");
      problems.forEach(a::add);
    }
    return data;
  }

  private Observation configSet(ConnectSession session, JsonNode step, Placeholders p) {
    Map<String, String> pairs = new LinkedHashMap<>();
    step.path("pairs").fields().forEachRemaining(e -> pairs.put(e.getKey(), p.expand(e.getValue().asText())));
    return call("setConfig", session, () -> {
      ConfigResponse response = session.configSet(pairs);
      List<String> problems = new ArrayList<>();
      checkEcho(sessionName(step), session, "Config", response.getSessionId(), response.getServerSideSessionId(), problems);
      return withProblems(CaseRunner.object().put("ok", true), problems);
    });
  }

  private Observation configUnset(ConnectSession session, JsonNode step, Placeholders p) {
    List<String> keys = new ArrayList<>();
    step.path("keys").forEach(k -> keys.add(p.expand(k.asText())));
    return call("unsetConfig", session, () -> {
      ConfigResponse response = session.configUnset(keys.toArray(new String[0]));
      List<String> problems = new ArrayList<>();
      checkEcho(sessionName(step), session, "Config", response.getSessionId(), response.getServerSideSessionId(), problems);
      return withProblems(CaseRunner.object().put("ok", true), problems);
    });
  }

  private Observation configGet(ConnectSession session, JsonNode step, Placeholders p) {
    List<String> keys = new ArrayList<>();
    step.path("keys").forEach(k -> keys.add(p.expand(k.asText())));
    boolean option = step.path("option").asBoolean(false);
    return call("getConfig", session, () -> {
      String[] k = keys.toArray(new String[0]);
      ConfigResponse response = option ? session.configGetOption(k) : session.configGet(k);
      ObjectNode pairs = CaseRunner.object();
      var keyOrder = CaseRunner.array();
      for (KeyValue kv : response.getPairsList()) {
        keyOrder.add(kv.getKey());
        if (kv.hasValue()) {
          pairs.put(kv.getKey(), kv.getValue());
        } else {
          pairs.putNull(kv.getKey());
        }
      }
      ObjectNode data = CaseRunner.object();
      data.set("pairs", pairs);
      data.set("keys", keyOrder);
      List<String> problems = new ArrayList<>();
      checkEcho(sessionName(step), session, "Config", response.getSessionId(), response.getServerSideSessionId(), problems);
      return withProblems(data, problems);
    });
  }

  private Observation upload(ConnectSession session, JsonNode step, Placeholders p) {
    List<ArtifactBlob> artifacts = new ArrayList<>();
    Set<String> corrupt = new HashSet<>();
    for (JsonNode a : step.path("artifacts")) {
      String key = a.isTextual() ? a.asText() : a.path("blob").asText();
      Blob blob = blob(key);
      String name = a.hasNonNull("name") ? p.expand(a.get("name").asText()) : blob.cacheName();
      artifacts.add(ArtifactBlob.of(name, blob.bytes()));
      if ("corrupt".equals(a.path("crc").asText())) {
        corrupt.add(name);
      }
    }
    List<AddArtifactsRequest> messages = new ArrayList<>();
    for (AddArtifactsRequest m : SparkArtifactFraming.frame(artifacts)) {
      messages.add(session.stamp(corruptCrcs(m, corrupt)));
    }
    return uploadOutcome("upload", step, session, session.addArtifactsRaw(messages, StreamEnd.COMPLETE));
  }

  private Observation uploadOutcome(String op, JsonNode step, ConnectSession session,
      CallOutcome<AddArtifactsResponse> outcome) {
    if (outcome.error().isPresent()) {
      return errorObservation(op, session, outcome.error().get());
    }
    AddArtifactsResponse response = outcome.orThrow();
    ObjectNode data = CaseRunner.object();
    var summaries = data.putArray("summaries");
    for (AddArtifactsResponse.ArtifactSummary s : response.getArtifactsList()) {
      summaries.addObject().put("name", s.getName()).put("crc", s.getIsCrcSuccessful());
    }
    List<String> problems = new ArrayList<>();
    checkEcho(sessionName(step), session, "AddArtifacts", response.getSessionId(), response.getServerSideSessionId(), problems);
    return new Observation(op, withProblems(data, problems), Optional.empty());
  }

  /**
   * AddArtifacts messages exactly as the step lists them, for framing cases: {@code batch} (a list
   * of artifacts as in {@code upload}), {@code beginChunk} (a chunked artifact cut into pieces of
   * {@code pieceSize} bytes, of which the first {@code send} are sent, with optional overrides of
   * {@code totalBytes} and {@code numChunks} and CRCs flipped for the piece indices in {@code
   * corrupt}), {@code chunk} (a stray piece of {@code hex} bytes) or {@code empty} (a message
   * without payload). A message may name another {@code session} whose ids it then carries. The
   * call ends with a half-close, or with a cancel when {@code end} is {@code cancel}.
   */
  private Observation uploadRaw(ConnectSession session, JsonNode step, Placeholders p) {
    List<AddArtifactsRequest> messages = new ArrayList<>();
    for (JsonNode m : step.path("messages")) {
      ConnectSession owner = m.has("session") ? sessions.get(m.get("session").asText(), CaseSessions.Credentials.TARGET) : session;
      for (AddArtifactsRequest r : rawMessages(m, p)) {
        messages.add(owner.stamp(r));
      }
    }
    StreamEnd end = "cancel".equals(step.path("end").asText("complete")) ? StreamEnd.CANCEL : StreamEnd.COMPLETE;
    return uploadOutcome("uploadRaw", step, session, session.addArtifactsRaw(messages, end));
  }

  private List<AddArtifactsRequest> rawMessages(JsonNode m, Placeholders p) {
    if (m.has("batch")) {
      AddArtifactsRequest.Batch.Builder batch = AddArtifactsRequest.Batch.newBuilder();
      for (JsonNode a : m.get("batch")) {
        String key = a.isTextual() ? a.asText() : a.path("blob").asText();
        Blob blob = blob(key);
        String name = a.hasNonNull("name") ? p.expand(a.get("name").asText()) : blob.cacheName();
        AddArtifactsRequest.ArtifactChunk.Builder chunk =
            SparkArtifactFraming.chunk(ByteString.copyFrom(blob.bytes())).toBuilder();
        if ("corrupt".equals(a.path("crc").asText())) {
          chunk.setCrc(chunk.getCrc() ^ 1L);
        }
        batch.addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName(name).setData(chunk));
      }
      return List.of(AddArtifactsRequest.newBuilder().setBatch(batch).build());
    }
    if (m.has("beginChunk")) {
      JsonNode c = m.get("beginChunk");
      Blob blob = blob(c.path("blob").asText());
      String name = c.hasNonNull("name") ? p.expand(c.get("name").asText()) : blob.cacheName();
      ByteString data = ByteString.copyFrom(blob.bytes());
      int pieceSize = c.path("pieceSize").asInt(SparkArtifactFraming.CHUNK_SIZE);
      if (pieceSize <= 0) {
        throw new FixtureException("beginChunk pieceSize must be positive");
      }
      List<ByteString> pieces = new ArrayList<>();
      for (int offset = 0; offset < data.size() || pieces.isEmpty(); offset += pieceSize) {
        pieces.add(data.substring(offset, Math.min(data.size(), offset + pieceSize)));
      }
      int send = c.path("send").asInt(pieces.size());
      Set<Integer> corrupt = new HashSet<>();
      c.path("corrupt").forEach(i -> corrupt.add(i.asInt()));
      List<AddArtifactsRequest> out = new ArrayList<>();
      for (int i = 0; i < Math.min(send, pieces.size()); i++) {
        AddArtifactsRequest.ArtifactChunk.Builder chunk = SparkArtifactFraming.chunk(pieces.get(i)).toBuilder();
        if (corrupt.contains(i)) {
          chunk.setCrc(chunk.getCrc() ^ 1L);
        }
        if (i == 0) {
          out.add(AddArtifactsRequest.newBuilder().setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
              .setName(name)
              .setTotalBytes(c.has("totalBytes") ? c.get("totalBytes").asLong() : data.size())
              .setNumChunks(c.has("numChunks") ? c.get("numChunks").asLong() : pieces.size())
              .setInitialChunk(chunk)).build());
        } else {
          out.add(AddArtifactsRequest.newBuilder().setChunk(chunk).build());
        }
      }
      return out;
    }
    if (m.has("chunk")) {
      byte[] bytes = HexFormat.of().parseHex(m.get("chunk").path("hex").asText());
      return List.of(AddArtifactsRequest.newBuilder()
          .setChunk(SparkArtifactFraming.chunk(ByteString.copyFrom(bytes))).build());
    }
    if (m.has("empty")) {
      return List.of(AddArtifactsRequest.getDefaultInstance());
    }
    throw new FixtureException("uploadRaw message needs batch, beginChunk, chunk or empty: " + m);
  }

  /** Flips the CRC of every piece of the named artifacts, so the server must notice. */
  private static AddArtifactsRequest corruptCrcs(AddArtifactsRequest m, Set<String> names) {
    if (names.isEmpty()) {
      return m;
    }
    AddArtifactsRequest.Builder b = m.toBuilder();
    if (m.hasBatch()) {
      AddArtifactsRequest.Batch.Builder batch = b.getBatchBuilder();
      for (int i = 0; i < batch.getArtifactsCount(); i++) {
        AddArtifactsRequest.SingleChunkArtifact.Builder a = batch.getArtifactsBuilder(i);
        if (names.contains(a.getName())) {
          a.getDataBuilder().setCrc(a.getData().getCrc() ^ 1L);
        }
      }
    } else if (m.hasBeginChunk() && names.contains(m.getBeginChunk().getName())) {
      AddArtifactsRequest.ArtifactChunk.Builder c = b.getBeginChunkBuilder().getInitialChunkBuilder();
      c.setCrc(c.getCrc() ^ 1L);
    }
    return b.build();
  }

  private Observation status(ConnectSession session, JsonNode step, Placeholders p) {
    List<String> names = new ArrayList<>();
    step.path("names").forEach(n -> names.add(p.expand(n.asText())));
    if (step.hasNonNull("observedServerSideSessionId")) {
      // A request that claims to have seen another server-side session (SRV-SES-004).
      ArtifactStatusesRequest request = ArtifactStatusesRequest.newBuilder()
          .setSessionId(session.sessionId())
          .setUserContext(UserContext.newBuilder().setUserId(session.userId()))
          .setClientType(session.clientType())
          .addAllNames(names)
          .setClientObservedServerSideSessionId(p.expand(step.get("observedServerSideSessionId").asText()))
          .build();
      try {
        return statusObservation(step, session, stub(session).artifactStatus(request));
      } catch (StatusRuntimeException e) {
        return errorObservation("status", session, RemoteError.from(e));
      }
    }
    return call("status", session, () -> statusObservation(step, session, session.artifactStatus(names)).data());
  }

  private Observation statusObservation(JsonNode step, ConnectSession session, ArtifactStatusesResponse response) {
    ObjectNode exists = CaseRunner.object();
    // Sorted, so that two servers' maps compare equal whatever order they answered in.
    new TreeMap<>(response.getStatusesMap()).forEach((k, v) -> exists.put(k, v.getExists()));
    ObjectNode data = CaseRunner.object();
    data.set("exists", exists);
    List<String> problems = new ArrayList<>();
    checkEcho(sessionName(step), session, "ArtifactStatus", response.getSessionId(), response.getServerSideSessionId(), problems);
    return new Observation("status", withProblems(data, problems), Optional.empty());
  }

  private static SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub(ConnectSession session) {
    return SparkConnectServiceGrpc.newBlockingStub(session.channel())
        .withDeadlineAfter(RAW_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** AnalyzePlan(schema) of the step's relation; the schema as {@link SparkTypeText} writes it. */
  private Observation analyze(ConnectSession session, JsonNode step, Placeholders p) {
    AnalyzePlanRequest.Builder request = AnalyzePlanRequest.newBuilder()
        .setSessionId(session.sessionId())
        .setUserContext(UserContext.newBuilder().setUserId(session.userId()))
        .setClientType(session.clientType())
        .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(Plan.newBuilder().setRoot(relation(step, p))));
    session.serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);
    AnalyzePlanResponse response;
    try {
      response = stub(session).analyzePlan(request.build());
    } catch (StatusRuntimeException e) {
      return errorObservation("analyze", session, RemoteError.from(e));
    }
    ObjectNode data = CaseRunner.object();
    data.put("schema", SparkTypeText.of(response.getSchema().getSchema()));
    List<String> problems = new ArrayList<>();
    checkEcho(sessionName(step), session, "AnalyzePlan", response.getSessionId(), response.getServerSideSessionId(), problems);
    return new Observation("analyze", withProblems(data, problems), Optional.empty());
  }

  private Observation execute(ConnectSession session, JsonNode step, Placeholders p) {
    Relation relation = relation(step, p);
    JsonNode checksum = step.path("expect").path("checksum");
    if (!checksum.isMissingNode()) {
      return executeStreaming(session, step, relation, checksum.path("column").asText("id"));
    }
    ExecuteResult result = session.execute(relation);
    List<String> problems = new ArrayList<>();
    for (ExecutePlanResponse r : result.responses()) {
      checkEcho(sessionName(step), session, "ExecutePlan", r.getSessionId(), r.getServerSideSessionId(), problems);
    }
    if (result.error().isPresent()) {
      Observation o = errorObservation("execute", session, result.error().get());
      if (!result.batches().isEmpty()) {
        // SRV-ERR-007: what a server detects before it sends rows must come before any rows.
        ((ObjectNode) o.data().get("error")).put("arrowBatchesBeforeError", result.batches().size());
      }
      if (result.resultComplete()) {
        ((ObjectNode) o.data().get("error")).put("resultCompleteBeforeError", true);
      }
      withProblems(o.data(), problems);
      return o;
    }
    ObjectNode data = withProblems(CaseRunner.object(), problems);
    if (!result.protocolProblems().isEmpty()) {
      var protocol = data.putArray("protocolProblems");
      result.protocolProblems().forEach(protocol::add);
    }
    if (!result.resultComplete()) {
      data.put("resultComplete", false);
    }
    var table = result.table();
    data.put("rowCount", table.rowCount());
    return new Observation("execute", data, Optional.of(table));
  }

  /**
   * A relation too large to keep: the batches are counted and summed as they arrive, and the
   * observation holds only {@code rowCount}, the column sum and the bytes received.
   */
  private Observation executeStreaming(ConnectSession session, JsonNode step, Relation relation, String column) {
    try (StreamedRows digest = new StreamedRows(column)) {
      ExecuteResult result = session.execute(relation, ExecuteOptions.defaults().streamingTo(digest));
      if (result.error().isPresent()) {
        return errorObservation("execute", session, result.error().get());
      }
      ObjectNode data = CaseRunner.object();
      if (!result.protocolProblems().isEmpty()) {
        var protocol = data.putArray("protocolProblems");
        result.protocolProblems().forEach(protocol::add);
      }
      if (!result.resultComplete()) {
        data.put("resultComplete", false);
      }
      data.put("rowCount", digest.rows());
      data.putObject("checksum").put("column", column).put("sum", Long.toString(digest.sum()));
      data.put("resultBytes", digest.bytes());
      return new Observation("execute", data, Optional.empty());
    }
  }

  /**
   * The step's relation: {@code chunked}, {@code local} or {@code cached}, with {@code planId} set
   * on it when the step gives one, and inside a {@code Limit} when the step gives {@code limit}.
   */
  private Relation relation(JsonNode step, Placeholders p) {
    Relation relation = baseRelation(step, p);
    if (step.has("planId")) {
      relation = relation.toBuilder().setCommon(RelationCommon.newBuilder().setPlanId(step.get("planId").asLong())).build();
    }
    if (step.has("limit")) {
      relation = Relation.newBuilder().setLimit(Limit.newBuilder().setInput(relation).setLimit(step.get("limit").asInt())).build();
    }
    return relation;
  }

  private Relation baseRelation(JsonNode step, Placeholders p) {
    if (step.has("chunked")) {
      JsonNode spec = step.get("chunked");
      ChunkedCachedLocalRelation.Builder b = ChunkedCachedLocalRelation.newBuilder();
      for (JsonNode ref : spec.path("data")) {
        // {"blob": K, "repeat": N} lists the same hash N times (large relations from one chunk).
        int times = ref.isObject() && ref.has("repeat") ? ref.get("repeat").asInt() : 1;
        String hash = ref.isObject() && ref.has("repeat") ? blob(ref.get("blob").asText()).sha256() : hashOf(ref, p);
        for (int i = 0; i < times; i++) {
          b.addDataHashes(hash);
        }
      }
      if (spec.has("schema")) {
        b.setSchemaHash(hashOf(spec.get("schema"), p));
      }
      return Relation.newBuilder().setChunkedCachedLocalRelation(b).build();
    }
    if (step.has("local")) {
      JsonNode spec = step.get("local");
      LocalRelation.Builder b = LocalRelation.newBuilder();
      if (spec.has("data")) {
        b.setData(ByteString.copyFrom(blob(spec.get("data").asText()).bytes()));
      }
      if (spec.has("schema")) {
        b.setSchema(p.expand(spec.get("schema").asText()));
      }
      return Relation.newBuilder().setLocalRelation(b).build();
    }
    if (step.has("cached")) {
      return Relation.newBuilder()
          .setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(hashOf(step.get("cached").get("hash"), p)))
          .build();
    }
    throw new FixtureException("execute step names no relation (chunked, local or cached)");
  }

  private String hashOf(JsonNode ref, Placeholders p) {
    if (ref.isObject()) {
      return p.expand(ref.path("hash").asText());
    }
    return blob(ref.asText()).sha256();
  }

  private Blob blob(String key) {
    Blob b = blobs.get(key);
    if (b == null) {
      throw new FixtureException("step names unknown blob '" + key + "'");
    }
    return b;
  }

  private Observation call(String op, ConnectSession session, Supplier<ObjectNode> body) {
    try {
      return new Observation(op, body.get(), Optional.empty());
    } catch (RemoteErrorException e) {
      return errorObservation(op, session, e.error());
    }
  }

  /** An error as data, with the session's ids (server-side and client) replaced by their placeholders. */
  static Observation errorObservation(String op, ConnectSession session, RemoteError error) {
    String serverSide = session.serverSideSessionId().orElse(null);
    ObjectNode e = CaseRunner.object();
    e.put("code", error.code().name());
    Optional<SparkErrorInfo> info = error.errorInfo();
    e.put("errorClass", info.flatMap(SparkErrorInfo::errorClass).orElse(null));
    e.put("sqlState", info.flatMap(SparkErrorInfo::sqlState).orElse(null));
    e.put("reason", info.map(SparkErrorInfo::reason).orElse(null));
    ObjectNode params = e.putObject("messageParameters");
    info.ifPresent(i -> new TreeMap<>(i.messageParameters()).forEach((k, v) -> params.put(k, normalise(v, serverSide, session.sessionId()))));
    e.put("message", normalise(error.description(), serverSide, session.sessionId()));
    List<String> envelope = envelopeProblems(error);
    if (!envelope.isEmpty()) {
      var a = e.putArray("envelopeProblems");
      envelope.forEach(x -> a.add(normalise(x, serverSide, session.sessionId())));
    }
    List<String> format = formatProblems(error);
    if (!format.isEmpty()) {
      var a = e.putArray("formatProblems");
      format.forEach(x -> a.add(normalise(x, serverSide, session.sessionId())));
    }
    ObjectNode data = CaseRunner.object();
    data.set("error", e);
    return new Observation(op, data, Optional.empty());
  }

  /** Where the error's envelope departs from SRV-ERR-001 and SRV-ERR-002. */
  static List<String> envelopeProblems(RemoteError error) {
    List<String> problems = new ArrayList<>();
    if (error.detailsMessage().isEmpty()) {
      problems.add("no grpc-status-details-bin trailer");
      return problems;
    }
    if (!error.detailsMessage().get().equals(error.description())) {
      problems.add("google.rpc.Status message differs from the gRPC status description");
    }
    if (!error.otherDetailTypes().isEmpty()) {
      problems.add("details other than one ErrorInfo: " + error.otherDetailTypes());
    }
    if (error.errorInfo().isEmpty()) {
      problems.add("no ErrorInfo in the status details");
      return problems;
    }
    SparkErrorInfo info = error.errorInfo().get();
    if (info.reason() == null || info.reason().isEmpty()) {
      problems.add("ErrorInfo.reason is empty");
    }
    if (!"org.apache.spark".equals(info.domain())) {
      problems.add("ErrorInfo.domain is '" + info.domain() + "', not org.apache.spark");
    }
    if (!info.metadata().containsKey("classes")) {
      problems.add("ErrorInfo metadata has no 'classes'");
    }
    problems.addAll(info.metadataProblems());
    if (info.errorClass().isPresent()) {
      if (info.sqlState().isEmpty()) {
        problems.add("ErrorInfo has an errorClass but no sqlState");
      }
      if (!info.metadata().containsKey("messageParameters")) {
        problems.add("ErrorInfo has an errorClass but no messageParameters");
      }
    }
    return problems;
  }

  /** Where an error with an error class departs from SRV-ERR-003 (message form, errorId). */
  static List<String> formatProblems(RemoteError error) {
    List<String> problems = new ArrayList<>();
    Optional<SparkErrorInfo> info = error.errorInfo();
    if (info.isEmpty() || info.get().errorClass().isEmpty()) {
      return problems;
    }
    String message = error.description();
    String errorClass = info.get().errorClass().get();
    if (!message.startsWith("[" + errorClass + "] ")) {
      problems.add("message does not start with [" + errorClass + "]");
    }
    String state = info.get().sqlState().orElse("");
    if (!message.endsWith(" SQLSTATE: " + state)) {
      problems.add("message does not end with SQLSTATE: " + state);
    }
    if (message.length() > 2048) {
      problems.add("message is longer than 2048 characters");
    }
    if (info.get().errorId().map(id -> !UUID_TEXT.matcher(id).matches()).orElse(true)) {
      problems.add("ErrorInfo has no errorId UUID");
    }
    return problems;
  }

  private static String normalise(String value, String serverSide, String clientSide) {
    if (value == null) {
      return null;
    }
    String out = serverSide == null || serverSide.isEmpty() ? value : value.replace(serverSide, "${serverSideSessionId}");
    // Client session ids are random per run, so two targets can only agree on the placeholder.
    return clientSide == null || clientSide.isEmpty() ? out : out.replace(clientSide, "${sessionId}");
  }
}
