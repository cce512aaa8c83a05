package dev.cclr.tck.clienttck.checks;

import com.google.protobuf.ByteString;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.drivers.LocalDataRelation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Helpers the checks share: the chunked relations a client sent and the blobs they refer to. */
final class Blobs {
  static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  private Blobs() {}

  /** Every chunked relation the client sent, in order. */
  static List<LocalDataRelation> chunkedRelations(ClientRun run) {
    List<LocalDataRelation> out = new ArrayList<>();
    for (ClientTrace.RelationUse use : run.trace().relationUses()) {
      use.relations().stream().filter(LocalDataRelation::isChunked).forEach(out::add);
    }
    return out;
  }

  /**
   * True when the relation is the form the run's profile has a client upload its data in: chunked
   * (spark-4.2), or one cached blob (spark-4.0).
   */
  static boolean isUploadForm(ClientRun run, LocalDataRelation r) {
    return run.profile().clientUploadsCachedBlob() ? r.isCached() : r.isChunked();
  }

  /** Every relation of the profile's upload form the client sent, in order. */
  static List<LocalDataRelation> uploadRelations(ClientRun run) {
    List<LocalDataRelation> out = new ArrayList<>();
    for (ClientTrace.RelationUse use : run.trace().relationUses()) {
      use.relations().stream().filter(r -> isUploadForm(run, r)).forEach(out::add);
    }
    return out;
  }

  /**
   * The judgement of a check that finds no relation of the profile's upload form: BROKEN when the
   * client sent the data in another form that the case's threshold rules out (an inline
   * local_relation above localRelationCacheThreshold, or the other profile's upload form), so that
   * a client that always sends its data inline (the Go client, pyspark-client-rust) is judged on the
   * relation it actually sent; otherwise the situation never arose.
   */
  static Judgement missingUploadRelation(ClientRun run) {
    String expected = run.profile().clientUploadsCachedBlob() ? LocalDataRelation.CACHED : LocalDataRelation.CHUNKED;
    long threshold = run.bytesSetting("spark.sql.session.localRelationCacheThreshold");
    List<String> problems = new ArrayList<>();
    for (ClientTrace.RelationUse use : run.trace().relationUses()) {
      for (LocalDataRelation r : use.relations()) {
        if (isUploadForm(run, r)) {
          continue;
        }
        if (r.isInline()) {
          long size = inlineSize(r);
          if (r.dataBytes() != null && size > threshold) {
            problems.add(use.method() + " call #" + use.callSeq() + " carries the " + run.input().rowCount()
                + "-row data as an inline local_relation of " + size + " bytes (schema and data), above"
                + " localRelationCacheThreshold = " + threshold + ", not as a " + expected);
          }
        } else {
          problems.add(use.method() + " call #" + use.callSeq() + " carries the data as a " + r.kind() + ", not as a " + expected
              + (run.profile().clientUploadsCachedBlob() ? " (the form of clients of Spark 4.0)" : ""));
        }
      }
    }
    return problems.isEmpty() ? Judgement.nothingToJudge(noUploadRelation(run)) : Judgement.of(problems);
  }

  /** The bytes of an inline relation: its Arrow data and its schema string. */
  static long inlineSize(LocalDataRelation r) {
    return (r.dataBytes() == null ? 0 : r.dataBytes())
        + (r.schema() == null ? 0 : r.schema().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  /** Nothing of the profile's upload form was sent; under spark-4.2 the same words as {@link #noChunkedRelation}. */
  static String noUploadRelation(ClientRun run) {
    return run.profile().clientUploadsCachedBlob()
        ? "the client sent no cached_local_relation (the case's data is " + run.input().rowCount()
            + " rows and localRelationCacheThreshold is " + run.setting("spark.sql.session.localRelationCacheThreshold")
            + ", so a client of Spark 4.0 has to)"
        : noChunkedRelation(run);
  }

  static String noChunkedRelation(ClientRun run) {
    return "the client sent no chunked_cached_local_relation (the case's data is "
        + run.input().rowCount() + " rows and localRelationCacheThreshold is "
        + run.setting("spark.sql.session.localRelationCacheThreshold") + ", so it has to)";
  }

  /** The distinct data blobs the chunked relations refer to, with their bytes when they were uploaded. */
  static Map<String, Optional<ByteString>> dataBlobs(ClientRun run) {
    Map<String, Optional<ByteString>> out = new LinkedHashMap<>();
    for (LocalDataRelation r : chunkedRelations(run)) {
      for (String key : r.dataHashes()) {
        out.computeIfAbsent(key, k -> run.trace().blob(k));
      }
    }
    return out;
  }

  /** The schema blobs the chunked relations refer to, with their bytes when they were uploaded. */
  static Map<String, Optional<ByteString>> schemaBlobs(ClientRun run) {
    Map<String, Optional<ByteString>> out = new LinkedHashMap<>();
    for (LocalDataRelation r : chunkedRelations(run)) {
      if (r.schemaHash() != null) {
        out.computeIfAbsent(r.schemaHash(), k -> run.trace().blob(k));
      }
    }
    return out;
  }

  /** Whether some chunked relation lists a data key more than once (a chunk repeated byte for byte). */
  static boolean anyChunkRepeats(ClientRun run) {
    return chunkedRelations(run).stream().anyMatch(r -> r.dataHashes().stream().distinct().count() < r.dataHashes().size());
  }

  static String noRepeatedChunk(ClientRun run) {
    return "no chunk repeated (no chunked relation lists a data key twice; the client cut the " + run.input().rowCount()
        + " input rows into " + chunkedRelations(run).stream().mapToInt(r -> r.dataHashes().size()).max().orElse(0)
        + " chunk(s) at most), so the client never had a blob to send or check twice";
  }

  static String shortKey(String key) {
    return key.length() > 12 ? key.substring(0, 12) + "…" : key;
  }
}
