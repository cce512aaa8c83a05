package dev.cclr.tck.clienttck.recording;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.tck.drivers.LocalDataRelation;
import dev.cclr.tck.drivers.PlanRelations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's recorded calls read as the protocol's steps: status checks, uploaded artifacts (put
 * back together, with the framing mistakes found on the way), and the local-data relations of its
 * plans. Checks read this; none of them reads raw messages.
 */
public final class ClientTrace {

  /** One ArtifactStatus call: what was asked, and what the client was told. */
  public record StatusCheck(int callSeq, List<String> names, Map<String, Boolean> answered, boolean ok) {}

  /** One plan that carried local data. */
  public record RelationUse(int callSeq, String method, List<LocalDataRelation> relations, boolean ok) {}

  private final List<CallRecord> calls;
  private final List<StatusCheck> statusChecks = new ArrayList<>();
  private final List<UploadedArtifact> uploads = new ArrayList<>();
  private final List<RelationUse> relationUses = new ArrayList<>();
  private final List<String> framingProblems = new ArrayList<>();

  public ClientTrace(List<CallRecord> calls) {
    this.calls = List.copyOf(calls);
    for (CallRecord call : this.calls) {
      switch (call.method()) {
        case "ArtifactStatus" -> readStatus(call);
        case "AddArtifacts" -> readUpload(call);
        case "ExecutePlan" -> readPlans(call, call.requests(ExecutePlanRequest.class).stream().map(r -> (Message) r.getPlan()).toList());
        case "AnalyzePlan" -> readPlans(call, call.requests(AnalyzePlanRequest.class).stream().map(r -> (Message) r).toList());
        default -> { }
      }
    }
  }

  public List<CallRecord> calls() { return calls; }

  public List<StatusCheck> statusChecks() { return List.copyOf(statusChecks); }

  public List<UploadedArtifact> uploads() { return List.copyOf(uploads); }

  public List<RelationUse> relationUses() { return List.copyOf(relationUses); }

  /** Where AddArtifacts calls broke the framing rules (CLI-ART-002), one line each. */
  public List<String> framingProblems() { return List.copyOf(framingProblems); }

  /** The chunked relations of successful or failed plans, in order. */
  public List<RelationUse> chunkedUses() {
    return relationUses.stream().filter(u -> u.relations().stream().anyMatch(LocalDataRelation::isChunked)).toList();
  }

  /** The bytes of the blob with this bare key, from the last upload that carried it. */
  public Optional<ByteString> blob(String key) {
    for (int i = uploads.size() - 1; i >= 0; i--) {
      if (uploads.get(i).isCache() && uploads.get(i).key().equals(key)) {
        return Optional.of(uploads.get(i).data());
      }
    }
    return Optional.empty();
  }

  /** The call with this sequence number. */
  public CallRecord call(int seq) {
    return calls.stream().filter(c -> c.seq() == seq).findFirst().orElseThrow();
  }

  /** A string field of a message by its proto name, or "" ("session_id", ...). */
  public static String field(Message m, String name) {
    FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
    return f == null || !m.hasField(f) && f.hasPresence() ? "" : String.valueOf(m.getField(f));
  }

  /** The user_context.user_id of a request, or "". */
  public static String userId(Message m) {
    FieldDescriptor f = m.getDescriptorForType().findFieldByName("user_context");
    return f == null ? "" : field((Message) m.getField(f), "user_id");
  }

  /** The server-side session id the client was told in this call ("" if none). */
  public static String serverSideSessionId(CallRecord call) {
    for (Message r : call.responses()) {
      String id = field(r, "server_side_session_id");
      if (!id.isEmpty()) {
        return id;
      }
    }
    return "";
  }

  private void readStatus(CallRecord call) {
    List<String> names = new ArrayList<>();
    call.requests(ArtifactStatusesRequest.class).forEach(r -> names.addAll(r.getNamesList()));
    Map<String, Boolean> answered = new LinkedHashMap<>();
    call.responses(ArtifactStatusesResponse.class).forEach(r -> r.getStatusesMap().forEach((n, s) -> answered.put(n, s.getExists())));
    statusChecks.add(new StatusCheck(call.seq(), names, answered, call.ok()));
  }

  private void readUpload(CallRecord call) {
    List<AddArtifactsRequest> messages = call.requests(AddArtifactsRequest.class);
    String where = "AddArtifacts call #" + call.seq();
    if (messages.isEmpty()) {
      framingProblems.add(where + " sent no message");
      return;
    }
    String session = messages.get(0).getSessionId();
    String user = messages.get(0).getUserContext().getUserId();
    String observed = messages.get(0).getClientObservedServerSideSessionId();
    List<UploadedArtifact> arrived = new ArrayList<>();
    ChunkedInProgress open = null;
    int index = 0;
    for (AddArtifactsRequest m : messages) {
      index++;
      String at = where + " message " + index;
      if (!m.getSessionId().equals(session) || !m.getUserContext().getUserId().equals(user)
          || !m.getClientObservedServerSideSessionId().equals(observed)) {
        framingProblems.add(at + " changes session_id, user_id or client_observed_server_side_session_id within the call");
      }
      switch (m.getPayloadCase()) {
        case BATCH -> {
          if (open != null) {
            framingProblems.add(at + " is a batch while " + open.name + " still expects " + open.remaining() + " chunk(s)");
            arrived.add(open.finish(call.seq(), framingProblems, where));
            open = null;
          }
          for (AddArtifactsRequest.SingleChunkArtifact a : m.getBatch().getArtifactsList()) {
            arrived.add(new UploadedArtifact(call.seq(), a.getName(), a.getData().getData(), false,
                List.of(a.getData().getData()), List.of(a.getData().getCrc()), -1, -1, null));
          }
        }
        case BEGIN_CHUNK -> {
          if (open != null) {
            framingProblems.add(at + " begins " + m.getBeginChunk().getName() + " while " + open.name + " still expects "
                + open.remaining() + " chunk(s)");
            arrived.add(open.finish(call.seq(), framingProblems, where));
          }
          open = new ChunkedInProgress(m.getBeginChunk());
          if (open.remaining() == 0) {
            arrived.add(open.finish(call.seq(), framingProblems, where));
            open = null;
          }
        }
        case CHUNK -> {
          if (open == null) {
            framingProblems.add(at + " is a chunk with no begin_chunk before it, or one more than num_chunks");
          } else {
            open.add(m.getChunk());
            if (open.remaining() == 0) {
              arrived.add(open.finish(call.seq(), framingProblems, where));
              open = null;
            }
          }
        }
        default -> framingProblems.add(at + " carries no payload");
      }
    }
    if (open != null) {
      framingProblems.add(where + " ended while " + open.name + " still expected " + open.remaining() + " chunk(s)");
      arrived.add(open.finish(call.seq(), framingProblems, where));
    }
    // Join the server's summaries by position among equal names.
    List<AddArtifactsResponse.ArtifactSummary> summaries = new ArrayList<>();
    call.responses(AddArtifactsResponse.class).forEach(r -> summaries.addAll(r.getArtifactsList()));
    for (UploadedArtifact a : arrived) {
      Boolean ok = null;
      for (int i = 0; i < summaries.size(); i++) {
        if (summaries.get(i).getName().equals(a.name())) {
          ok = summaries.remove(i).getIsCrcSuccessful() && call.ok();
          break;
        }
      }
      uploads.add(a.withCrcReport(ok));
    }
  }

  private void readPlans(CallRecord call, List<Message> plans) {
    List<LocalDataRelation> found = new ArrayList<>();
    plans.forEach(p -> found.addAll(PlanRelations.find(p)));
    if (!found.isEmpty()) {
      relationUses.add(new RelationUse(call.seq(), call.method(), found, call.ok()));
    }
  }

  /** A chunked artifact between its begin_chunk and its last chunk. */
  private static final class ChunkedInProgress {
    final String name;
    final long declaredPieces;
    final long declaredTotal;
    final List<ByteString> pieces = new ArrayList<>();
    final List<Long> crcs = new ArrayList<>();

    ChunkedInProgress(AddArtifactsRequest.BeginChunkedArtifact begin) {
      name = begin.getName();
      declaredPieces = begin.getNumChunks();
      declaredTotal = begin.getTotalBytes();
      add(begin.getInitialChunk());
    }

    void add(AddArtifactsRequest.ArtifactChunk chunk) {
      pieces.add(chunk.getData());
      crcs.add(chunk.getCrc());
    }

    long remaining() {
      return Math.max(0, declaredPieces - pieces.size());
    }

    UploadedArtifact finish(int seq, List<String> problems, String where) {
      ByteString all = ByteString.copyFrom(pieces);
      if (all.size() != declaredTotal) {
        problems.add(where + ": " + name + " declares total_bytes " + declaredTotal + " but carries " + all.size() + " bytes");
      }
      if (pieces.size() != declaredPieces) {
        problems.add(where + ": " + name + " declares num_chunks " + declaredPieces + " but has " + pieces.size() + " piece(s)");
      }
      return new UploadedArtifact(seq, name, all, true, pieces, crcs, declaredTotal, declaredPieces, null);
    }
  }
}
