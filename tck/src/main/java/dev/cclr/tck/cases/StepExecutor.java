package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.CallOutcome;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ExecuteResult;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.client.SparkArtifactFraming;
import dev.cclr.tck.client.SparkErrorInfo;
import dev.cclr.tck.client.StreamEnd;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** Performs the steps of a manifest through the protocol client; see {@code fixtures/README.md}. */
final class StepExecutor {
  private static final String DEFAULT_SESSION = "main";

  private final Map<String, Blob> blobs;
  private final Function<String, ConnectSession> sessions;

  StepExecutor(Map<String, Blob> blobs, String profile, Function<String, ConnectSession> sessions) {
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
      case "upload":
        return upload(session, step, p);
      case "status":
        return status(session, step, p);
      case "execute":
        return execute(session, step, p);
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
    return sessions.apply(step.path("session").asText(DEFAULT_SESSION));
  }

  private Observation configSet(ConnectSession session, JsonNode step, Placeholders p) {
    Map<String, String> pairs = new LinkedHashMap<>();
    step.path("pairs").fields().forEachRemaining(e -> pairs.put(e.getKey(), p.expand(e.getValue().asText())));
    return call("setConfig", session, () -> {
      session.configSet(pairs);
      return CaseRunner.object().put("ok", true);
    });
  }

  private Observation configGet(ConnectSession session, JsonNode step, Placeholders p) {
    List<String> keys = new ArrayList<>();
    step.path("keys").forEach(k -> keys.add(p.expand(k.asText())));
    return call("getConfig", session, () -> {
      ConfigResponse response = session.configGet(keys.toArray(new String[0]));
      ObjectNode pairs = CaseRunner.object();
      for (KeyValue kv : response.getPairsList()) {
        if (kv.hasValue()) {
          pairs.put(kv.getKey(), kv.getValue());
        } else {
          pairs.putNull(kv.getKey());
        }
      }
      ObjectNode data = CaseRunner.object();
      data.set("pairs", pairs);
      return data;
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
    CallOutcome<AddArtifactsResponse> outcome = session.addArtifactsRaw(messages, StreamEnd.COMPLETE);
    if (outcome.error().isPresent()) {
      return errorObservation("upload", session, outcome.error().get());
    }
    ObjectNode data = CaseRunner.object();
    var summaries = data.putArray("summaries");
    for (AddArtifactsResponse.ArtifactSummary s : outcome.orThrow().getArtifactsList()) {
      summaries.addObject().put("name", s.getName()).put("crc", s.getIsCrcSuccessful());
    }
    return new Observation("upload", data, Optional.empty());
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
    return call("status", session, () -> {
      ArtifactStatusesResponse response = session.artifactStatus(names);
      ObjectNode exists = CaseRunner.object();
      // Sorted, so that two servers' maps compare equal whatever order they answered in.
      new TreeMap<>(response.getStatusesMap()).forEach((k, v) -> exists.put(k, v.getExists()));
      ObjectNode data = CaseRunner.object();
      data.set("exists", exists);
      return data;
    });
  }

  private Observation execute(ConnectSession session, JsonNode step, Placeholders p) {
    Relation relation = relation(step, p);
    ExecuteResult result = session.execute(relation);
    if (result.error().isPresent()) {
      return errorObservation("execute", session, result.error().get());
    }
    ObjectNode data = CaseRunner.object();
    if (!result.protocolProblems().isEmpty()) {
      var problems = data.putArray("protocolProblems");
      result.protocolProblems().forEach(problems::add);
    }
    if (!result.resultComplete()) {
      data.put("resultComplete", false);
    }
    var table = result.table();
    data.put("rowCount", table.rowCount());
    return new Observation("execute", data, Optional.of(table));
  }

  private Relation relation(JsonNode step, Placeholders p) {
    if (step.has("chunked")) {
      JsonNode spec = step.get("chunked");
      ChunkedCachedLocalRelation.Builder b = ChunkedCachedLocalRelation.newBuilder();
      for (JsonNode ref : spec.path("data")) {
        b.addDataHashes(hashOf(ref, p));
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

  /** An error as data, with the session's server-side id replaced by its placeholder. */
  static Observation errorObservation(String op, ConnectSession session, RemoteError error) {
    String serverSide = session.serverSideSessionId().orElse(null);
    ObjectNode e = CaseRunner.object();
    e.put("code", error.code().name());
    Optional<SparkErrorInfo> info = error.errorInfo();
    e.put("errorClass", info.flatMap(SparkErrorInfo::errorClass).orElse(null));
    e.put("sqlState", info.flatMap(SparkErrorInfo::sqlState).orElse(null));
    e.put("reason", info.map(SparkErrorInfo::reason).orElse(null));
    ObjectNode params = e.putObject("messageParameters");
    info.ifPresent(i -> new TreeMap<>(i.messageParameters()).forEach((k, v) -> params.put(k, normalise(v, serverSide))));
    e.put("message", normalise(error.description(), serverSide));
    ObjectNode data = CaseRunner.object();
    data.set("error", e);
    return new Observation(op, data, Optional.empty());
  }

  private static String normalise(String value, String serverSide) {
    if (value == null || serverSide == null || serverSide.isEmpty()) {
      return value;
    }
    return value.replace(serverSide, "${serverSideSessionId}");
  }
}
