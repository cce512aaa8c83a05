package dev.cclr.tck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsRequest.PayloadCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SparkArtifactFramingTest {
  private static final int K32 = SparkArtifactFraming.CHUNK_SIZE;

  @Test
  void smallArtifactsShareOneBatchWithWholeArtifactCrcs() {
    List<AddArtifactsRequest> messages =
        SparkArtifactFraming.frame(List.of(blob("cache/a", 10), blob("cache/b", 20), blob("cache/c", 0)));

    assertEquals(1, messages.size());
    AddArtifactsRequest.Batch batch = messages.get(0).getBatch();
    assertEquals(List.of("cache/a", "cache/b", "cache/c"),
        batch.getArtifactsList().stream().map(AddArtifactsRequest.SingleChunkArtifact::getName).toList());
    for (AddArtifactsRequest.SingleChunkArtifact a : batch.getArtifactsList()) {
      assertEquals(crc(a.getData().getData()), a.getData().getCrc(), a.getName());
    }
  }

  @Test
  void exactly32KiBIsBatchedAndOneByteMoreIsChunked() {
    List<AddArtifactsRequest> exact = SparkArtifactFraming.frame(List.of(blob("cache/x", K32)));
    assertEquals(List.of(PayloadCase.BATCH), payloads(exact));

    List<AddArtifactsRequest> over = SparkArtifactFraming.frame(List.of(blob("cache/y", K32 + 1)));
    assertEquals(List.of(PayloadCase.BEGIN_CHUNK, PayloadCase.CHUNK), payloads(over));
    AddArtifactsRequest.BeginChunkedArtifact begin = over.get(0).getBeginChunk();
    assertEquals("cache/y", begin.getName());
    assertEquals(K32 + 1, begin.getTotalBytes());
    assertEquals(2, begin.getNumChunks());
    assertEquals(K32, begin.getInitialChunk().getData().size());
    assertEquals(1, over.get(1).getChunk().getData().size());
  }

  @Test
  void aBatchIsSentWhenTheNextArtifactWouldTakeItOver32KiB() {
    List<AddArtifactsRequest> messages =
        SparkArtifactFraming.frame(
            List.of(blob("a", 20_000), blob("b", 12_768), blob("c", 1), blob("d", 32_000)));
    // a+b = 32768 fits exactly; c would overflow, so a new batch starts; c+d = 32001 fits.
    assertEquals(List.of(PayloadCase.BATCH, PayloadCase.BATCH), payloads(messages));
    assertEquals(2, messages.get(0).getBatch().getArtifactsCount());
    assertEquals(2, messages.get(1).getBatch().getArtifactsCount());
  }

  @Test
  void aPendingBatchIsFlushedBeforeAChunkedArtifactAndEveryChunkHasItsOwnCrc() {
    ByteString big = bytes(3 * K32 + 5, 7);
    List<AddArtifactsRequest> messages =
        SparkArtifactFraming.frame(
            List.of(blob("small1", 5), new ArtifactBlob("big", big), blob("small2", 6)));

    assertEquals(
        List.of(PayloadCase.BATCH, PayloadCase.BEGIN_CHUNK, PayloadCase.CHUNK, PayloadCase.CHUNK,
            PayloadCase.CHUNK, PayloadCase.BATCH),
        payloads(messages));
    assertEquals(4, messages.get(1).getBeginChunk().getNumChunks());

    List<AddArtifactsRequest.ArtifactChunk> chunks = new ArrayList<>();
    chunks.add(messages.get(1).getBeginChunk().getInitialChunk());
    for (int i = 2; i <= 4; i++) {
      chunks.add(messages.get(i).getChunk());
    }
    ByteString joined = ByteString.EMPTY;
    for (AddArtifactsRequest.ArtifactChunk chunk : chunks) {
      assertEquals(crc(chunk.getData()), chunk.getCrc());
      joined = joined.concat(chunk.getData());
    }
    assertEquals(big, joined);
    assertEquals(List.of(K32, K32, K32, 5), chunks.stream().map(c -> c.getData().size()).toList());
  }

  @Test
  void crcIsTheUnsignedValueInAnInt64() {
    // Find content whose CRC32 has the top bit set: a signed int would make it negative.
    ByteString data = null;
    for (int seed = 0; data == null; seed++) {
      ByteString candidate = bytes(16, seed);
      if (crc(candidate) > Integer.MAX_VALUE) {
        data = candidate;
      }
    }
    long sent = SparkArtifactFraming.chunk(data).getCrc();
    assertTrue(sent > Integer.MAX_VALUE, "CRC " + sent + " was sign-extended");
    assertEquals(crc(data), sent);
  }

  private static List<PayloadCase> payloads(List<AddArtifactsRequest> messages) {
    return messages.stream().map(AddArtifactsRequest::getPayloadCase).toList();
  }

  private static ArtifactBlob blob(String name, int size) {
    return new ArtifactBlob(name, bytes(size, name.hashCode()));
  }

  private static ByteString bytes(int size, int seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return ByteString.copyFrom(b);
  }

  private static long crc(ByteString data) {
    CRC32 crc = new CRC32();
    crc.update(data.toByteArray());
    return crc.getValue();
  }
}
