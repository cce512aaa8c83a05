package dev.cclr.tck.clienttck.checks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cclr.proto.LocalRelation;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.arrow.Difference;
import dev.cclr.tck.arrow.TableComparator;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.CallRecord;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.UploadedArtifact;
import dev.cclr.tck.drivers.LocalDataRelation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules of the relation message and of when to send which relation (spec chapters 5 and 11). */
final class RelationChecks {
  private RelationChecks() {}

  /**
   * CLI-REL-001: non-empty dataHashes of bare lower-case hex keys; schemaHash absent or a bare key.
   * Under spark-4.0 the relation is a cached_local_relation, whose one hash must be a bare key.
   */
  static Judgement wellFormed(ClientRun run) {
    List<LocalDataRelation> relations = Blobs.uploadRelations(run);
    if (relations.isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    List<String> problems = new ArrayList<>();
    for (LocalDataRelation r : relations) {
      if (r.isCached()) {
        String hash = r.dataHashes().get(0);
        if (!Blobs.KEY.matcher(hash).matches()) {
          problems.add("a cached relation's hash is '" + hash + "', not a bare lower-case hex SHA-256 key");
        }
        continue;
      }
      if (r.dataHashes().isEmpty()) {
        problems.add("a chunked relation has no dataHashes");
      }
      for (String key : r.dataHashes()) {
        if (!Blobs.KEY.matcher(key).matches()) {
          problems.add("dataHashes has '" + key + "', not a bare lower-case hex SHA-256 key");
        }
      }
      if (r.schemaHash() != null && !Blobs.KEY.matcher(r.schemaHash()).matches()) {
        problems.add("schemaHash is '" + r.schemaHash() + "', not a bare lower-case hex SHA-256 key");
      }
    }
    return Judgement.of(problems);
  }

  /**
   * CLI-REL-002 and CLI-SES-003: every blob a plan refers to was confirmed present (status said
   * exists, or an upload was confirmed) in the same session and under the server-side session id
   * the plan ran under. The blobs are those of the profile's upload form: chunks and schema, or
   * the one cached blob (spark-4.0).
   */
  static Judgement refersOnlyToConfirmed(ClientRun run) {
    List<ClientTrace.RelationUse> uses = run.trace().relationUses().stream()
        .filter(u -> u.relations().stream().anyMatch(r -> Blobs.isUploadForm(run, r))).toList();
    if (uses.isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    // session id -> server-side session id -> confirmed keys
    Map<String, Map<String, Set<String>>> confirmed = new HashMap<>();
    String latestServerSide = "";
    List<String> problems = new ArrayList<>();
    for (CallRecord call : run.trace().calls()) {
      String session = call.requests().isEmpty() ? "" : ClientTrace.field(call.requests().get(0), "session_id");
      String serverSide = ClientTrace.serverSideSessionId(call);
      if (!serverSide.isEmpty()) {
        latestServerSide = serverSide;
      }
      Set<String> keys = confirmed.computeIfAbsent(session, s -> new HashMap<>())
          .computeIfAbsent(latestServerSide, s -> new HashSet<>());
      switch (call.method()) {
        case "ArtifactStatus" -> run.trace().statusChecks().stream().filter(s -> s.callSeq() == call.seq() && s.ok())
            .forEach(s -> s.answered().forEach((name, exists) -> {
              if (exists && name.startsWith(UploadedArtifact.CACHE_PREFIX)) {
                keys.add(name.substring(UploadedArtifact.CACHE_PREFIX.length()));
              }
            }));
        case "AddArtifacts" -> run.trace().uploads().stream()
            .filter(a -> a.callSeq() == call.seq() && a.isCache() && Boolean.TRUE.equals(a.crcReportedOk()))
            .forEach(a -> keys.add(a.key()));
        case "ExecutePlan", "AnalyzePlan" -> {
          for (ClientTrace.RelationUse use : uses) {
            if (use.callSeq() != call.seq()) {
              continue;
            }
            for (LocalDataRelation r : use.relations()) {
              if (!Blobs.isUploadForm(run, r)) {
                continue;
              }
              for (String key : r.referredKeys()) {
                if (!keys.contains(key)) {
                  problems.add(call.method() + " call #" + call.seq() + " refers to " + Blobs.shortKey(key)
                      + ", which the client had not confirmed present in session " + session
                      + (latestServerSide.isEmpty() ? "" : " (server-side session " + latestServerSide + ")"));
                }
              }
            }
          }
        }
        default -> { }
      }
    }
    return Judgement.of(problems);
  }

  /**
   * CLI-ALG-008: the chunks, in dataHashes order with repeats, hold the input rows in order. Under
   * spark-4.0: the one cached blob is a serialized LocalRelation whose Arrow data holds them.
   */
  static Judgement hashesReproduceInput(ClientRun run) {
    List<LocalDataRelation> relations = Blobs.uploadRelations(run);
    if (relations.isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    List<String> problems = new ArrayList<>();
    for (LocalDataRelation r : relations) {
      List<byte[]> chunks = new ArrayList<>();
      for (String key : r.dataHashes()) {
        Optional<ByteString> blob = run.trace().blob(key);
        if (blob.isEmpty()) {
          problems.add("data blob " + Blobs.shortKey(key) + " was never uploaded in this run, so its rows are unknown");
          break;
        }
        chunks.add(blob.get().toByteArray());
      }
      if (chunks.size() != r.dataHashes().size()) {
        continue;
      }
      if (r.isCached()) {
        Optional<byte[]> data = cachedArrowData(chunks.get(0), r.dataHashes().get(0), problems);
        if (data.isEmpty()) {
          continue;
        }
        chunks = List.of(data.get());
      }
      CanonicalTable sent;
      try {
        sent = ArrowIpc.readAll(chunks);
      } catch (RuntimeException e) {
        problems.add((r.isCached() ? "the cached blob's data cannot be read as a table: " : "the chunks cannot be read as one table: ")
            + e.getMessage());
        continue;
      }
      Optional<Difference> d = TableComparator.strict().ignoringTypes().ignoringNullability().compare(run.input(), sent);
      d.ifPresent(diff -> problems.add((r.isCached() ? "the cached blob's rows differ from the input: "
          : "the chunks of the relation (" + r.dataHashes().size() + " keys) differ from the input: ") + diff));
    }
    return Judgement.of(problems);
  }

  /** The Arrow IPC stream inside a cached blob, which is a serialized LocalRelation; a problem if it is not. */
  private static Optional<byte[]> cachedArrowData(byte[] blob, String key, List<String> problems) {
    LocalRelation relation;
    try {
      relation = LocalRelation.parseFrom(blob);
    } catch (InvalidProtocolBufferException e) {
      problems.add("the cached blob " + Blobs.shortKey(key) + " is not a serialized LocalRelation: " + e.getMessage());
      return Optional.empty();
    }
    if (!relation.hasData()) {
      problems.add("the cached blob " + Blobs.shortKey(key) + " is a LocalRelation without data");
      return Optional.empty();
    }
    return Optional.of(relation.getData().toByteArray());
  }

  /**
   * CLI-ALG-002: inline exactly when the data is one chunk and schema plus chunk fit the threshold.
   * Judged from what the client sent: an inline relation must fit, a chunked one of a single chunk
   * must not.
   */
  static Judgement inlineOnlyWithinThreshold(ClientRun run) {
    long threshold = run.bytesSetting("spark.sql.session.localRelationCacheThreshold");
    List<String> problems = new ArrayList<>();
    int judged = 0;
    for (ClientTrace.RelationUse use : run.trace().relationUses()) {
      for (LocalDataRelation r : use.relations()) {
        if (r.isInline() && r.dataBytes() != null) {
          judged++;
          long size = Blobs.inlineSize(r);
          if (size > threshold) {
            problems.add("an inline local_relation of " + size + " bytes (schema and data) exceeds localRelationCacheThreshold = " + threshold);
          }
        } else if (r.isChunked()) {
          judged++;
          if (r.dataHashes().size() == 1) {
            long size = run.trace().blob(r.dataHashes().get(0)).map(ByteString::size).orElse(Integer.MAX_VALUE);
            long schema = r.schemaHash() == null ? 0 : run.trace().blob(r.schemaHash()).map(ByteString::size).orElse(0);
            if (size + schema <= threshold) {
              problems.add("a chunked relation of one chunk of " + size + " bytes (schema " + schema
                  + " bytes) fits localRelationCacheThreshold = " + threshold + " and should have been sent inline");
            }
          }
        }
      }
    }
    return judged == 0 ? Judgement.nothingToJudge("the client sent no relation with local data") : Judgement.of(problems);
  }

  /** CLI-ALG-001: data without rows goes as a LocalRelation with only a schema. */
  static Judgement emptyAsSchemaOnly(ClientRun run) {
    if (run.input().rowCount() != 0) {
      return Judgement.nothingToJudge("the input has " + run.input().rowCount() + " rows, so there was no empty data to send");
    }
    List<LocalDataRelation> all = new ArrayList<>();
    run.trace().relationUses().forEach(u -> all.addAll(u.relations()));
    if (all.isEmpty()) {
      return Judgement.nothingToJudge("the client sent no relation with local data");
    }
    List<String> problems = new ArrayList<>();
    for (LocalDataRelation r : all) {
      if (!r.isInline() || r.dataBytes() != null || r.schema() == null) {
        problems.add("data without rows went as " + r.kind() + (r.isInline() ? (r.dataBytes() != null ? " with data" : "")
            + (r.schema() == null ? " without a schema" : "") : "") + ", not as a local_relation carrying only a schema");
      }
    }
    return Judgement.of(problems);
  }
}
