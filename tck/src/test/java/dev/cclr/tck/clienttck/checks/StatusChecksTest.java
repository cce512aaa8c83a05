package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import com.google.protobuf.ByteString;
import dev.cclr.tck.client.ArtifactBlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status-check rules (CLI-STA-001, CLI-ALG-006) on hand-made recordings. */
class StatusChecksTest {
  private final Scenario small = Scenario.small();

  @Test
  void exactNames() {
    assertHolds(StatusChecks.exactNames(small.run(small.wellBehaved())));
    ClientSim bareKey = new ClientSim().status(List.of(Scenario.key(small.chunks().get(0))), Set.of())
        .status(small.names(), Set.of()).upload(small.blobs()).execute(small.relation());
    assertBroken(StatusChecks.exactNames(small.run(bareKey)),
        "ArtifactStatus call #1 asks about '" + Scenario.key(small.chunks().get(0)) + "', not a full cache/<sha256> name");
    // The server leaves absent names out; a client that reads "missing" as "present" uploads nothing.
    ClientSim trusting = new ClientSim().statusOmittingAbsent(small.names(), Set.of()).execute(small.relation());
    List<String> problems = new ArrayList<>();
    for (ByteString blob : List.of(small.chunks().get(0), small.chunks().get(1), small.chunks().get(2), small.schema())) {
      problems.add("ExecutePlan call #2 refers to " + Scenario.shortKey(blob) + ", which the client had not confirmed present in session "
          + ClientSim.SESSION + " (server-side session " + ClientSim.SERVER_SIDE + ")");
    }
    assertBroken(StatusChecks.exactNames(small.run(trusting)), problems.toArray(String[]::new));
    assertNothingToJudge(StatusChecks.exactNames(small.run(new ClientSim().upload(small.blobs()).execute(small.relation()))),
        "the client made no ArtifactStatus call");
  }

  @Test
  void batchesOfChunks() {
    // Every blob fits one batch, none repeats, none is present: batching had no choice to make.
    long all = small.blobs().stream().mapToLong(b -> b.data().size()).sum();
    assertNothingToJudge(StatusChecks.batchesOfChunks(small.run(small.wellBehaved())),
        "no chunk repeated (no chunked relation lists a data key twice; the client cut the 5 input rows into 3 chunk(s) at most),"
            + " so the client never had a blob to send or check twice; the 4 blob(s) uploaded (" + all + " bytes) fit one batch of"
            + " localRelationBatchOfChunksSizeBytes = 1073741824; and no status check found a blob present: neither deduplication,"
            + " nor cutting into batches, nor skipping present blobs could show");
    Scenario repeats = small.withChunks(List.of(small.chunks().get(0), small.chunks().get(0), small.chunks().get(1)));
    assertHolds(StatusChecks.batchesOfChunks(repeats.run(repeats.wellBehaved())));
    // A repeated chunk named twice in its batch's status check.
    List<String> twice = new java.util.ArrayList<>(repeats.names());
    twice.add(repeats.names().get(1));
    assertBroken(StatusChecks.batchesOfChunks(repeats.run(new ClientSim().status(twice, Set.of()).upload(repeats.blobs())
        .execute(repeats.relation()))), "ArtifactStatus call #1 names a blob more than once");
    List<String> names = small.names();
    ClientSim uploadsWhatIsThere = new ClientSim().status(names, Set.of(names.get(1))).upload(small.blobs()).execute(small.relation());
    assertBroken(StatusChecks.batchesOfChunks(small.run(uploadsWhatIsThere)),
        "after ArtifactStatus call #1 the client uploads 1 blob(s) the server said it had");
    List<ArtifactBlob> allButLast = small.blobs().subList(0, 3);
    ClientSim leavesOneOut = new ClientSim().status(names, Set.of()).upload(allButLast).execute(small.relation());
    assertBroken(StatusChecks.batchesOfChunks(small.run(leavesOneOut)),
        "after ArtifactStatus call #1 the client does not upload 1 blob(s) the server said it lacked");
    ClientSim twoUploads = new ClientSim().status(names, Set.of()).upload(allButLast).upload(small.blobs().subList(3, 4))
        .execute(small.relation());
    assertBroken(StatusChecks.batchesOfChunks(small.run(twoUploads)),
        "ArtifactStatus call #1 is followed by 2 AddArtifacts calls",
        "after ArtifactStatus call #1 the client does not upload 1 blob(s) the server said it lacked");
    Scenario tightBatches = small.withConf(Map.of(Scenario.BATCH_BYTES, "100"));
    long total = small.blobs().stream().mapToLong(b -> b.data().size()).sum();
    assertBroken(StatusChecks.batchesOfChunks(tightBatches.run(tightBatches.wellBehaved())),
        "ArtifactStatus call #2 covers 4 blobs of " + total + " bytes, over localRelationBatchOfChunksSizeBytes = 100");
    // Skipping the status check before a chunked relation is a breach, not an absence.
    assertBroken(StatusChecks.batchesOfChunks(small.run(new ClientSim().upload(small.blobs()).execute(small.relation()))),
        "the client sent a chunked relation (ExecutePlan call #2) without any ArtifactStatus call");
    assertNothingToJudge(StatusChecks.batchesOfChunks(small.run(new ClientSim().readSettings(List.of()))),
        "the client made no ArtifactStatus call and sent no chunked relation");
  }
}
