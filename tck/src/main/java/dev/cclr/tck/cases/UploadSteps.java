package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.CallOutcome;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.SparkArtifactFraming;
import dev.cclr.tck.client.StreamEnd;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The AddArtifacts steps: {@code upload} (framed as Spark frames it) and {@code uploadRaw} (messages as listed). */
final class UploadSteps {
  private final StepContext context;

  UploadSteps(StepContext context) {
    this.context = context;
  }

  Observation upload(JsonNode step) {
    ConnectSession session = context.session(step);
    Placeholders p = context.placeholders(step);
    List<ArtifactBlob> artifacts = new ArrayList<>();
    Set<String> corrupt = new HashSet<>();
    for (JsonNode a : step.path("artifacts")) {
      String key = a.isTextual() ? a.asText() : a.path("blob").asText();
      Blob blob = context.blob(key);
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
    claimObservedSession(step, p, messages);
    return outcome(Op.UPLOAD, step, session, session.addArtifactsRaw(messages, StreamEnd.COMPLETE));
  }

  /**
   * AddArtifacts messages exactly as the step lists them, for framing cases: {@code batch} (a list
   * of artifacts as in {@code upload}), {@code beginChunk} (a chunked artifact cut into pieces of
   * {@code pieceSize} bytes, of which the first {@code send} are sent, with optional overrides of
   * {@code totalBytes} and {@code numChunks} and CRCs flipped for the piece indices in {@code
   * corrupt}), {@code chunk} (a stray piece of {@code hex} bytes) or {@code empty} (a message
   * without payload). A message may name another {@code session} whose ids it then carries, and
   * carry {@code trailingHex}: bytes sent after the encoding of its (last) request, malformed
   * protobuf no builder can produce. The
   * call ends with a half-close, or with a cancel when {@code end} is {@code cancel}.
   */
  Observation uploadRaw(JsonNode step) {
    ConnectSession session = context.session(step);
    Placeholders p = context.placeholders(step);
    List<AddArtifactsRequest> messages = new ArrayList<>();
    Map<Integer, byte[]> trailingAt = new HashMap<>();
    for (JsonNode m : step.path("messages")) {
      ConnectSession owner = m.has("session") ? context.session(m.get("session").asText()) : session;
      for (AddArtifactsRequest r : rawMessages(m, p)) {
        messages.add(owner.stamp(r));
      }
      if (m.has("trailingHex")) {
        // After the last request this entry produced (a chunked artifact produces several).
        trailingAt.put(messages.size() - 1, HexFormat.of().parseHex(m.get("trailingHex").asText()));
      }
    }
    claimObservedSession(step, p, messages);
    // By instance, taken after the messages are final (stamping and claiming build new ones).
    Map<AddArtifactsRequest, byte[]> trailing = new IdentityHashMap<>();
    trailingAt.forEach((i, bytes) -> trailing.put(messages.get(i), bytes));
    StreamEnd end = "cancel".equals(step.path("end").asText("complete")) ? StreamEnd.CANCEL : StreamEnd.COMPLETE;
    return outcome(Op.UPLOAD_RAW, step, session, session.addArtifactsRaw(messages, end, trailing));
  }

  /**
   * With {@code observedServerSideSessionId}, the first message claims that server-side session
   * instead of the one seen: the server binds the call to its first message, so that is where a
   * stale claim must be noticed (SRV-SES-004).
   */
  private static void claimObservedSession(JsonNode step, Placeholders p, List<AddArtifactsRequest> messages) {
    if (step.hasNonNull("observedServerSideSessionId") && !messages.isEmpty()) {
      messages.set(0, messages.get(0).toBuilder()
          .setClientObservedServerSideSessionId(p.expand(step.get("observedServerSideSessionId").asText()))
          .build());
    }
  }

  private Observation outcome(Op op, JsonNode step, ConnectSession session, CallOutcome<AddArtifactsResponse> outcome) {
    if (outcome.error().isPresent()) {
      return ErrorObservations.of(op, session, outcome.error().get());
    }
    AddArtifactsResponse response = outcome.orThrow();
    ObjectNode data = CaseRunner.object();
    var summaries = data.putArray(ObservedField.SUMMARIES.json());
    for (AddArtifactsResponse.ArtifactSummary s : response.getArtifactsList()) {
      summaries.addObject().put("name", s.getName()).put("crc", s.getIsCrcSuccessful());
    }
    List<String> problems = new ArrayList<>();
    context.echo(step, session, "AddArtifacts", response.getSessionId(), response.getServerSideSessionId(), problems);
    return new Observation(op, SessionEcho.withProblems(data, problems), Optional.empty());
  }

  private List<AddArtifactsRequest> rawMessages(JsonNode m, Placeholders p) {
    if (m.has("batch")) {
      AddArtifactsRequest.Batch.Builder batch = AddArtifactsRequest.Batch.newBuilder();
      for (JsonNode a : m.get("batch")) {
        String key = a.isTextual() ? a.asText() : a.path("blob").asText();
        Blob blob = context.blob(key);
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
      return chunkedArtifact(m.get("beginChunk"), p);
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

  private List<AddArtifactsRequest> chunkedArtifact(JsonNode c, Placeholders p) {
    Blob blob = context.blob(c.path("blob").asText());
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
}
