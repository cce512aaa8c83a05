package dev.cclr.tck.bench;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsRequest.ArtifactChunk;
import dev.cclr.proto.AddArtifactsRequest.BeginChunkedArtifact;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.CallOutcome;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.SparkArtifactFraming;
import dev.cclr.tck.client.StreamEnd;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The bench's AddArtifacts call: one stream carrying the schema blob and every chunk, framed as
 * Spark's clients frame them ({@link SparkArtifactFraming}: 32 KiB pieces, a CRC32 each), made
 * one artifact at a time from the memory-mapped data and sent under gRPC flow control, so the
 * client never holds more than one chunk's messages.
 */
final class Upload {
  private Upload() {}

  /**
   * The messages for one artifact. With Spark's piece size this is {@link SparkArtifactFraming}
   * itself; another {@code pieceSize} cuts the same way with that size (what Spark would send if
   * its constant were different). An artifact of at most one piece travels in a batch message.
   */
  static List<AddArtifactsRequest> frame(ArtifactBlob artifact, int pieceSize) {
    if (pieceSize == SparkArtifactFraming.CHUNK_SIZE) {
      return SparkArtifactFraming.frame(List.of(artifact));
    }
    ByteString data = artifact.data();
    int size = data.size();
    List<AddArtifactsRequest> messages = new ArrayList<>();
    if (size <= pieceSize) {
      messages.add(AddArtifactsRequest.newBuilder()
          .setBatch(AddArtifactsRequest.Batch.newBuilder().addArtifacts(
              AddArtifactsRequest.SingleChunkArtifact.newBuilder()
                  .setName(artifact.name()).setData(SparkArtifactFraming.chunk(data))))
          .build());
      return messages;
    }
    long numChunks = (size + (long) pieceSize - 1) / pieceSize;
    messages.add(AddArtifactsRequest.newBuilder()
        .setBeginChunk(BeginChunkedArtifact.newBuilder()
            .setName(artifact.name()).setTotalBytes(size).setNumChunks(numChunks)
            .setInitialChunk(SparkArtifactFraming.chunk(data.substring(0, pieceSize))))
        .build());
    for (int offset = pieceSize; offset < size; offset += pieceSize) {
      ArtifactChunk piece = SparkArtifactFraming.chunk(data.substring(offset, Math.min(size, offset + pieceSize)));
      messages.add(AddArtifactsRequest.newBuilder().setChunk(piece).build());
    }
    return messages;
  }

  /**
   * Uploads the schema blob and all chunks in one AddArtifacts call, under the session's call
   * timeout; fails unless every one is confirmed.
   */
  static void run(ConnectSession session, DataSet data, int pieceSize) {
    // Framed one blob at a time as the call asks for messages: only one chunk's pieces exist at once.
    Iterable<AddArtifactsRequest> messages = () -> IntStream.rangeClosed(-1, data.chunks().size() - 1)
        .mapToObj(i -> i < 0 ? new ArtifactBlob(data.schemaName(), data.schemaBlob())
            : new ArtifactBlob(data.chunks().get(i).name(), data.chunkBytes(i)))
        .flatMap(blob -> frame(blob, pieceSize).stream())
        .map(session::stamp)
        .iterator();
    CallOutcome<AddArtifactsResponse> outcome = session.addArtifactsRaw(messages, StreamEnd.COMPLETE);
    if (outcome.error().isPresent()) {
      throw new IllegalStateException("AddArtifacts failed: " + outcome.error().get().summary());
    }
    Set<String> expected = new HashSet<>();
    expected.add(data.schemaName());
    data.chunks().forEach(c -> expected.add(c.name()));
    for (AddArtifactsResponse.ArtifactSummary summary : outcome.orThrow().getArtifactsList()) {
      if (summary.getIsCrcSuccessful()) {
        expected.remove(summary.getName());
      }
    }
    if (!expected.isEmpty()) {
      throw new IllegalStateException("the server did not confirm " + expected.size() + " artifacts, e.g. "
          + expected.iterator().next());
    }
  }
}
