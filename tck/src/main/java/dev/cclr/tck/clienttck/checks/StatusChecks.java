package dev.cclr.tck.clienttck.checks;

import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.CallRecord;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.UploadedArtifact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules of the status check (spec chapter 4) and of batches of chunks (§11.1 step 7). */
final class StatusChecks {
  private StatusChecks() {}

  /**
   * CLI-STA-001: status asked with full cache names; a name counts as present only when mapped to
   * exists = true (the case's server leaves absent names out, so a client that reads a missing
   * name as present never uploads it and refers to a blob it never confirmed).
   */
  static Judgement exactNames(ClientRun run) {
    List<ClientTrace.StatusCheck> checks = run.trace().statusChecks();
    if (checks.isEmpty()) {
      return Judgement.nothingToJudge("the client made no ArtifactStatus call");
    }
    List<String> problems = new ArrayList<>();
    for (ClientTrace.StatusCheck s : checks) {
      for (String name : s.names()) {
        if (!name.startsWith(UploadedArtifact.CACHE_PREFIX)
            || !Blobs.KEY.matcher(name.substring(UploadedArtifact.CACHE_PREFIX.length())).matches()) {
          problems.add("ArtifactStatus call #" + s.callSeq() + " asks about '" + name + "', not a full cache/<sha256> name");
        }
      }
    }
    Judgement confirmed = RelationChecks.refersOnlyToConfirmed(run);
    problems.addAll(confirmed.problems());
    return Judgement.of(problems);
  }

  /**
   * CLI-ALG-006: batches of blobs within localRelationBatchOfChunksSizeBytes (or one blob); per
   * batch one status check of its distinct names, then at most one upload of exactly the absent ones.
   */
  static Judgement batchesOfChunks(ClientRun run) {
    long bound = run.bytesSetting("spark.sql.session.localRelationBatchOfChunksSizeBytes");
    Map<String, Integer> sizes = new HashMap<>();
    run.trace().uploads().forEach(a -> sizes.put(a.name(), a.data().size()));
    List<CallRecord> calls = run.trace().calls();
    List<String> problems = new ArrayList<>();
    int judged = 0;
    for (int i = 0; i < calls.size(); i++) {
      CallRecord call = calls.get(i);
      if (!call.method().equals("ArtifactStatus") || !call.ok()) {
        continue;
      }
      ClientTrace.StatusCheck check = run.trace().statusChecks().stream().filter(s -> s.callSeq() == call.seq()).findFirst().orElseThrow();
      judged++;
      Set<String> distinct = new LinkedHashSet<>(check.names());
      if (distinct.size() != check.names().size()) {
        problems.add("ArtifactStatus call #" + call.seq() + " names a blob more than once");
      }
      long total = distinct.stream().mapToLong(n -> sizes.getOrDefault(n, 0)).sum();
      if (distinct.size() > 1 && total > bound) {
        problems.add("ArtifactStatus call #" + call.seq() + " covers " + distinct.size() + " blobs of " + total
            + " bytes, over localRelationBatchOfChunksSizeBytes = " + bound);
      }
      Set<String> absent = new LinkedHashSet<>();
      distinct.forEach(n -> {
        if (!Boolean.TRUE.equals(check.answered().get(n))) {
          absent.add(n);
        }
      });
      List<CallRecord> uploadsAfter = new ArrayList<>();
      for (int j = i + 1; j < calls.size() && !calls.get(j).method().equals("ArtifactStatus")
          && !calls.get(j).method().equals("ExecutePlan"); j++) {
        if (calls.get(j).method().equals("AddArtifacts")) {
          uploadsAfter.add(calls.get(j));
        }
      }
      Set<String> uploaded = new LinkedHashSet<>();
      if (!uploadsAfter.isEmpty()) {
        int seq = uploadsAfter.get(0).seq();
        run.trace().uploads().stream().filter(a -> a.callSeq() == seq).forEach(a -> uploaded.add(a.name()));
      }
      if (uploadsAfter.size() > 1 && !hadCrcFailure(run, uploadsAfter.get(0).seq())) {
        problems.add("ArtifactStatus call #" + call.seq() + " is followed by " + uploadsAfter.size() + " AddArtifacts calls");
      }
      if (!uploaded.equals(absent)) {
        Set<String> extra = new LinkedHashSet<>(uploaded);
        extra.removeAll(absent);
        Set<String> missing = new LinkedHashSet<>(absent);
        missing.removeAll(uploaded);
        if (!extra.isEmpty()) {
          problems.add("after ArtifactStatus call #" + call.seq() + " the client uploads " + extra.size()
              + " blob(s) the server said it had");
        }
        if (!missing.isEmpty()) {
          problems.add("after ArtifactStatus call #" + call.seq() + " the client does not upload " + missing.size()
              + " blob(s) the server said it lacked");
        }
      }
    }
    if (judged == 0) {
      // Blobs behind a chunked relation must be checked first: skipping the check is a breach, not an absence.
      return run.trace().chunkedUses().isEmpty()
          ? Judgement.nothingToJudge("the client made no ArtifactStatus call and sent no chunked relation")
          : Judgement.broken("the client sent a chunked relation (" + run.trace().chunkedUses().get(0).method() + " call #"
              + run.trace().chunkedUses().get(0).callSeq() + ") without any ArtifactStatus call");
    }
    if (problems.isEmpty() && !batchingArose(run, bound, sizes)) {
      long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
      return Judgement.nothingToJudge(Blobs.noRepeatedChunk(run) + "; the " + sizes.size() + " blob(s) uploaded (" + total
          + " bytes) fit one batch of localRelationBatchOfChunksSizeBytes = " + bound
          + "; and no status check found a blob present: neither deduplication, nor cutting into batches, nor skipping present blobs could show");
    }
    return Judgement.of(problems);
  }

  /** Whether the run gave batching a choice: a repeated chunk, more blobs than one batch holds, or a blob already present. */
  private static boolean batchingArose(ClientRun run, long bound, Map<String, Integer> sizes) {
    long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
    boolean present = run.trace().statusChecks().stream().anyMatch(s -> s.answered().containsValue(Boolean.TRUE));
    return Blobs.anyChunkRepeats(run) || total > bound || present;
  }

  private static boolean hadCrcFailure(ClientRun run, int callSeq) {
    return run.trace().uploads().stream().anyMatch(a -> a.callSeq() == callSeq && !Boolean.TRUE.equals(a.crcReportedOk()));
  }
}
