package dev.cclr.tck.clienttck.checks;

import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.KeyValue;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.CallRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rules of limits and configuration (spec chapter 9) as they bind a client. */
final class ConfigurationChecks {
  /** The settings CLI-LIM-001 names, in the order the spec lists them. */
  static final List<String> CHUNKING_KEYS = List.of(
      "spark.sql.session.localRelationCacheThreshold",
      "spark.sql.session.localRelationChunkSizeRows",
      "spark.sql.session.localRelationChunkSizeBytes",
      "spark.sql.session.localRelationBatchOfChunksSizeBytes",
      "spark.sql.session.localRelationSizeLimit");

  private static final Set<String> RELATION_STEPS = Set.of("ArtifactStatus", "AddArtifacts", "ExecutePlan", "AnalyzePlan");

  private ConfigurationChecks() {}

  /**
   * CLI-LIM-001, its first half: every chunking setting is read from the session (by get,
   * get_with_default, get_option or a get_all whose prefix covers it) before the client's first
   * status check, upload or plan. The fallback half needs a server that leaves keys out, which the
   * recording server does not script; the spec says so.
   */
  static Judgement chunkingSettingsReadFirst(ClientRun run) {
    if (run.trace().chunkedUses().isEmpty()) {
      return Judgement.nothingToJudge("the client sent no chunked relation (the case's threshold makes one necessary)");
    }
    Set<String> read = new LinkedHashSet<>();
    int firstStep = -1;
    for (CallRecord call : run.trace().calls()) {
      if (RELATION_STEPS.contains(call.method())) {
        firstStep = call.seq();
        break;
      }
      if (call.method().equals("Config")) {
        for (ConfigRequest request : call.requests(ConfigRequest.class)) {
          read.addAll(keysRead(request.getOperation()));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (String key : CHUNKING_KEYS) {
      if (!read.contains(key)) {
        problems.add(key + " was not read from the session before the first status check, upload or plan (call #"
            + firstStep + "); keys read before it: " + (read.isEmpty() ? "none" : read));
      }
    }
    return Judgement.of(problems);
  }

  private static Set<String> keysRead(ConfigRequest.Operation op) {
    Set<String> keys = new LinkedHashSet<>();
    switch (op.getOpTypeCase()) {
      case GET -> keys.addAll(op.getGet().getKeysList());
      case GET_OPTION -> keys.addAll(op.getGetOption().getKeysList());
      case GET_WITH_DEFAULT -> op.getGetWithDefault().getPairsList().stream().map(KeyValue::getKey).forEach(keys::add);
      case GET_ALL -> {
        String prefix = op.getGetAll().hasPrefix() ? op.getGetAll().getPrefix() : "";
        CHUNKING_KEYS.stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
      }
      default -> { }
    }
    return keys;
  }
}
