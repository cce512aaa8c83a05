package dev.cclr.tck.clienttck.checks;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.ChunkedUpload;
import dev.cclr.tck.client.SparkArtifactFraming;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.UploadedArtifact;
import dev.cclr.tck.drivers.LocalDataRelation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules of artifact transfer (spec chapter 3) as they bind a client. */
final class ArtifactChecks {
  private ArtifactChecks() {}

  /** CLI-ART-001: {@code cache/} + lower-case hex SHA-256 of exactly the uploaded bytes. */
  static Judgement namesAreSha256(ClientRun run) {
    List<UploadedArtifact> cache = run.trace().uploads().stream().filter(UploadedArtifact::isCache).toList();
    if (cache.isEmpty()) {
      return Judgement.nothingToJudge("the client uploaded no cache/ artifact");
    }
    List<String> problems = new ArrayList<>();
    for (UploadedArtifact a : cache) {
      String expected = ChunkedUpload.sha256Hex(a.data());
      if (!a.key().equals(expected)) {
        problems.add(a.name() + " (call #" + a.callSeq() + ", " + a.data().size() + " bytes) should be named cache/" + expected);
      }
    }
    return Judgement.of(problems);
  }

  /** CLI-ART-002: one payload per message, consistent session fields, begin_chunk + exactly num_chunks − 1 chunks. */
  static Judgement framing(ClientRun run) {
    boolean anyUpload = run.trace().calls().stream().anyMatch(c -> c.method().equals("AddArtifacts"));
    if (!anyUpload) {
      return Judgement.nothingToJudge("the client made no AddArtifacts call");
    }
    return Judgement.of(run.trace().framingProblems());
  }

  /**
   * CLI-ART-004: each AddArtifacts call carries exactly the messages Spark's clients would send for
   * the same artifacts in the same order (32 KiB pieces, batches up to 32 KiB). The session fields
   * are compared by other checks; here only the payloads count.
   */
  static Judgement framingLikeSpark(ClientRun run) {
    Map<Integer, List<ArtifactBlob>> byCall = new LinkedHashMap<>();
    for (UploadedArtifact a : run.trace().uploads()) {
      byCall.computeIfAbsent(a.callSeq(), k -> new ArrayList<>()).add(new ArtifactBlob(a.name(), a.data()));
    }
    if (byCall.isEmpty()) {
      return Judgement.nothingToJudge("the client uploaded nothing");
    }
    boolean nontrivial = false;
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Integer, List<ArtifactBlob>> call : byCall.entrySet()) {
      List<AddArtifactsRequest> expected = SparkArtifactFraming.frame(call.getValue());
      List<AddArtifactsRequest> sent = run.trace().call(call.getKey()).requests(AddArtifactsRequest.class).stream()
          .map(ArtifactChecks::payloadOnly).toList();
      // Framing is only tested where it has a choice to make: pieces to cut or artifacts to group.
      nontrivial |= expected.stream().anyMatch(m -> m.hasBeginChunk() || m.getBatch().getArtifactsCount() > 1);
      if (!sent.equals(expected)) {
        problems.add("AddArtifacts call #" + call.getKey() + " sends " + describe(sent) + "; framed as Spark frames them: "
            + describe(expected));
      }
    }
    if (!nontrivial && problems.isEmpty()) {
      return Judgement.nothingToJudge("no call had an artifact over 32 KiB or two within it to batch");
    }
    return Judgement.of(problems);
  }

  private static AddArtifactsRequest payloadOnly(AddArtifactsRequest m) {
    return m.toBuilder().clearSessionId().clearUserContext().clearClientType().clearClientObservedServerSideSessionId().build();
  }

  /** A call's messages in short: b[3: 1200+800+64 B] for a batch, bc(70000 B, 3) for a begin_chunk, c(32768 B). */
  private static String describe(List<AddArtifactsRequest> messages) {
    List<String> parts = new ArrayList<>();
    for (AddArtifactsRequest m : messages) {
      switch (m.getPayloadCase()) {
        case BATCH -> parts.add("b[" + m.getBatch().getArtifactsCount() + ": " + m.getBatch().getArtifactsList().stream()
            .map(a -> String.valueOf(a.getData().getData().size())).collect(Collectors.joining("+")) + " B]");
        case BEGIN_CHUNK -> parts.add("bc(" + m.getBeginChunk().getTotalBytes() + " B, " + m.getBeginChunk().getNumChunks()
            + ", first " + m.getBeginChunk().getInitialChunk().getData().size() + " B)");
        case CHUNK -> parts.add("c(" + m.getChunk().getData().size() + " B)");
        default -> parts.add("empty");
      }
    }
    String all = String.join(" ", parts);
    return all.length() > 400 ? all.substring(0, 400) + "…" : all;
  }

  /** CLI-ART-003: every piece's crc is the unsigned CRC-32 of exactly its data. */
  static Judgement crcs(ClientRun run) {
    List<String> problems = new ArrayList<>();
    int pieces = 0;
    for (UploadedArtifact a : run.trace().uploads()) {
      for (int i = 0; i < a.pieces().size(); i++) {
        pieces++;
        long sent = a.crcs().get(i);
        long actual = SparkArtifactFraming.crc32(a.pieces().get(i));
        if (sent != actual) {
          problems.add(a.name() + " piece " + (i + 1) + " carries crc " + sent + ", the CRC-32 of its data is " + actual);
        }
      }
    }
    return pieces == 0 ? Judgement.nothingToJudge("the client uploaded nothing") : Judgement.of(problems);
  }

  /** CLI-ALG-007: a name at most once per AddArtifacts call. */
  static Judgement noNameTwiceInOneCall(ClientRun run) {
    if (run.trace().uploads().isEmpty()) {
      return Judgement.nothingToJudge("the client uploaded nothing");
    }
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int call = -1;
    for (UploadedArtifact a : run.trace().uploads()) {
      if (a.callSeq() != call) {
        call = a.callSeq();
        seen.clear();
      }
      if (!seen.add(a.name())) {
        problems.add("AddArtifacts call #" + a.callSeq() + " uploads " + a.name() + " more than once");
      }
    }
    // A client only has a name to send twice when a chunk repeats in the data.
    if (problems.isEmpty() && !Blobs.anyChunkRepeats(run)) {
      return Judgement.nothingToJudge(Blobs.noRepeatedChunk(run));
    }
    return Judgement.of(problems);
  }

  /**
   * CLI-ART-005: an upload the server did not confirm (CRC failure or no summary) is sent again, or
   * the relation is not executed.
   */
  static Judgement unconfirmedUploadsResent(ClientRun run) {
    List<UploadedArtifact> failed = run.trace().uploads().stream()
        .filter(a -> a.isCache() && !Boolean.TRUE.equals(a.crcReportedOk())).toList();
    if (failed.isEmpty()) {
      return Judgement.nothingToJudge("no upload went unconfirmed (the case spoils one CRC so that one must)");
    }
    List<String> problems = new ArrayList<>();
    for (UploadedArtifact bad : failed) {
      for (ClientTrace.RelationUse use : run.trace().relationUses()) {
        if (use.callSeq() < bad.callSeq() || !refersTo(use, bad.key())) {
          continue;
        }
        // A later copy, in the same call or a later one, that the server confirmed.
        boolean resent = run.trace().uploads().stream().anyMatch(a -> a != bad && a.name().equals(bad.name())
            && a.callSeq() >= bad.callSeq() && a.callSeq() < use.callSeq() && Boolean.TRUE.equals(a.crcReportedOk()));
        boolean confirmedByStatus = run.trace().statusChecks().stream().anyMatch(s -> s.callSeq() > bad.callSeq()
            && s.callSeq() < use.callSeq() && Boolean.TRUE.equals(s.answered().get(bad.name())));
        if (!resent && !confirmedByStatus) {
          problems.add(use.method() + " call #" + use.callSeq() + " refers to " + bad.name()
              + ", whose upload in call #" + bad.callSeq() + " the server did not confirm, without sending it again");
        }
        break;
      }
    }
    return Judgement.of(problems);
  }

  static boolean refersTo(ClientTrace.RelationUse use, String key) {
    for (LocalDataRelation r : use.relations()) {
      if (r.dataHashes().contains(key) || key.equals(r.schemaHash())) {
        return true;
      }
    }
    return false;
  }
}
