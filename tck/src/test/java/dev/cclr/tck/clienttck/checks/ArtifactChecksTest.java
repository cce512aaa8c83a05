package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.SparkArtifactFraming;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The artifact-transfer checks (CLI-ART-001..005, CLI-ALG-007) on hand-made recordings. */
class ArtifactChecksTest {
  private final Scenario small = Scenario.small();
  private final ByteString a = Scenario.utf8("aa");
  private final ByteString b = Scenario.utf8("bbb");

  /** A client that sends its data inline and uploads nothing. */
  private ClientSim inlineOnly() {
    return new ClientSim().execute(Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder()
        .setData(small.chunks().get(0)).setSchema(Scenario.ALL_TYPES_JSON)).build());
  }

  private static AddArtifactsRequest batch(ArtifactBlob... blobs) {
    AddArtifactsRequest.Batch.Builder batch = AddArtifactsRequest.Batch.newBuilder();
    for (ArtifactBlob blob : blobs) {
      batch.addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName(blob.name())
          .setData(SparkArtifactFraming.chunk(blob.data())));
    }
    return AddArtifactsRequest.newBuilder().setBatch(batch).build();
  }

  @Test
  void namesAreSha256() {
    assertHolds(ArtifactChecks.namesAreSha256(small.run(small.wellBehaved())));
    String wrong = "cache/" + "0".repeat(64);
    ClientSim misnamed = new ClientSim().upload(List.of(new ArtifactBlob(wrong, a)));
    assertBroken(ArtifactChecks.namesAreSha256(small.run(misnamed)),
        wrong + " (call #1, 2 bytes) should be named " + Scenario.name(a));
    assertNothingToJudge(ArtifactChecks.namesAreSha256(small.run(inlineOnly())), "the client uploaded no cache/ artifact");
  }

  @Test
  void framing() {
    assertHolds(ArtifactChecks.framing(small.run(small.wellBehaved())));
    AddArtifactsRequest stray = AddArtifactsRequest.newBuilder().setChunk(SparkArtifactFraming.chunk(a)).build();
    AddArtifactsRequest shortBegin = AddArtifactsRequest.newBuilder().setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
        .setName(Scenario.name(b)).setTotalBytes(3).setNumChunks(2).setInitialChunk(SparkArtifactFraming.chunk(b))).build();
    ClientSim broken = new ClientSim().upload(List.of(stray, shortBegin), Set.of());
    assertBroken(ArtifactChecks.framing(small.run(broken)),
        "AddArtifacts call #1 message 1 is a chunk with no begin_chunk before it, or one more than num_chunks",
        "AddArtifacts call #1 ended while " + Scenario.name(b) + " still expected 1 chunk(s)",
        "AddArtifacts call #1: " + Scenario.name(b) + " declares num_chunks 2 but has 1 piece(s)");
    assertNothingToJudge(ArtifactChecks.framing(small.run(inlineOnly())), "the client made no AddArtifacts call");
  }

  @Test
  void framingLikeSpark() {
    // small's four blobs fit one 32 KiB batch, which is what Spark sends.
    assertHolds(ArtifactChecks.framingLikeSpark(small.run(small.wellBehaved())));
    ArtifactBlob blobA = ClientSim.cacheBlob(a);
    ArtifactBlob blobB = ClientSim.cacheBlob(b);
    ClientSim oneBatchEach = new ClientSim().upload(List.of(batch(blobA), batch(blobB)), Set.of());
    assertBroken(ArtifactChecks.framingLikeSpark(small.run(oneBatchEach)),
        "AddArtifacts call #1 sends b[1: 2 B] b[1: 3 B]; framed as Spark frames them: b[2: 2+3 B]");
    ByteString big = ByteString.copyFrom(new byte[SparkArtifactFraming.CHUNK_SIZE + 10]);
    ClientSim bigInOneBatch = new ClientSim().upload(List.of(batch(ClientSim.cacheBlob(big))), Set.of());
    assertBroken(ArtifactChecks.framingLikeSpark(small.run(bigInOneBatch)),
        "AddArtifacts call #1 sends b[1: 32778 B]; framed as Spark frames them: bc(32778 B, 2, first 32768 B) c(10 B)");
    assertNothingToJudge(ArtifactChecks.framingLikeSpark(small.run(new ClientSim().upload(List.of(blobA)))),
        "no call had an artifact over 32 KiB or two within it to batch");
    assertNothingToJudge(ArtifactChecks.framingLikeSpark(small.run(inlineOnly())), "the client uploaded nothing");
  }

  @Test
  void crcs() {
    assertHolds(ArtifactChecks.crcs(small.run(small.wellBehaved())));
    ArtifactBlob blobA = ClientSim.cacheBlob(a);
    long crc = SparkArtifactFraming.crc32(a);
    AddArtifactsRequest.Builder m = batch(blobA).toBuilder();
    m.getBatchBuilder().getArtifactsBuilder(0).getDataBuilder().setCrc(crc ^ 1);
    assertBroken(ArtifactChecks.crcs(small.run(new ClientSim().upload(List.of(m.build()), Set.of()))),
        blobA.name() + " piece 1 carries crc " + (crc ^ 1) + ", the CRC-32 of its data is " + crc);
    assertNothingToJudge(ArtifactChecks.crcs(small.run(inlineOnly())), "the client uploaded nothing");
  }

  @Test
  void noNameTwiceInOneCall() {
    // Data whose first chunk repeats: the client has a name it could send twice.
    Scenario repeats = small.withChunks(List.of(small.chunks().get(0), small.chunks().get(0), small.chunks().get(1)));
    assertHolds(ArtifactChecks.noNameTwiceInOneCall(repeats.run(repeats.wellBehaved())));
    ArtifactBlob blobA = ClientSim.cacheBlob(a);
    // The same name once in each of two calls is allowed; twice within one call is not.
    assertHolds(ArtifactChecks.noNameTwiceInOneCall(repeats.run(new ClientSim().upload(List.of(blobA)).upload(List.of(blobA))
        .execute(repeats.relation()))));
    // Without a repeated chunk the rule's situation never arose, however well the client behaved.
    assertNothingToJudge(ArtifactChecks.noNameTwiceInOneCall(small.run(small.wellBehaved())),
        "no chunk repeated (no chunked relation lists a data key twice; the client cut the 5 input rows into 3 chunk(s) at most),"
            + " so the client never had a blob to send or check twice");
    assertBroken(ArtifactChecks.noNameTwiceInOneCall(small.run(new ClientSim().upload(List.of(blobA, blobA)))),
        "AddArtifacts call #1 uploads " + blobA.name() + " more than once");
    assertNothingToJudge(ArtifactChecks.noNameTwiceInOneCall(small.run(inlineOnly())), "the client uploaded nothing");
  }

  @Test
  void unconfirmedUploadsResent() {
    String first = small.names().get(0);
    ClientSim resent = new ClientSim().status(small.names(), Set.of())
        .upload(SparkArtifactFraming.frame(small.blobs()), Set.of(first))
        .upload(List.of(small.blobs().get(0)))
        .execute(small.relation());
    assertHolds(ArtifactChecks.unconfirmedUploadsResent(small.run(resent)));
    ClientSim confirmedByStatus = new ClientSim().status(small.names(), Set.of())
        .upload(SparkArtifactFraming.frame(small.blobs()), Set.of(first))
        .status(List.of(first), Set.of(first))
        .execute(small.relation());
    assertHolds(ArtifactChecks.unconfirmedUploadsResent(small.run(confirmedByStatus)));
    ClientSim trusting = new ClientSim().status(small.names(), Set.of())
        .upload(SparkArtifactFraming.frame(small.blobs()), Set.of(first))
        .execute(small.relation());
    assertBroken(ArtifactChecks.unconfirmedUploadsResent(small.run(trusting)),
        "ExecutePlan call #3 refers to " + first + ", whose upload in call #2 the server did not confirm, without sending it again");
    assertNothingToJudge(ArtifactChecks.unconfirmedUploadsResent(small.run(small.wellBehaved())),
        "no upload went unconfirmed (the case spoils one CRC so that one must)");
  }
}
