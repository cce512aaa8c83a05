package dev.cclr.tck.client;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsRequest.ArtifactChunk;
import dev.cclr.proto.AddArtifactsRequest.Batch;
import dev.cclr.proto.AddArtifactsRequest.BeginChunkedArtifact;
import dev.cclr.proto.AddArtifactsRequest.SingleChunkArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Splits artifacts into the AddArtifacts messages Spark's own clients send (Scala and Python use
 * the same rule), so that a server sees exactly the framing it will see in production:
 *
 * <ul>
 *   <li>An artifact larger than {@value #CHUNK_SIZE} bytes travels alone: a {@code begin_chunk}
 *       carrying its name, total size, chunk count and the first {@value #CHUNK_SIZE} bytes, then
 *       one {@code chunk} message per further {@value #CHUNK_SIZE} bytes. A batch still being
 *       collected is sent before it, because a message carries either a batch or a chunk.
 *   <li>Smaller artifacts (up to and including {@value #CHUNK_SIZE} bytes) are packed into {@code
 *       batch} messages; a batch is sent when the next artifact would take it over {@value
 *       #CHUNK_SIZE} bytes of data.
 *   <li>Every chunk carries the CRC32 of exactly its own bytes (for a batch entry, of the whole
 *       artifact), as the unsigned 32-bit value widened to int64.
 * </ul>
 *
 * The messages carry only the payload; {@link ConnectSession} adds session id, user context and
 * client type.
 */
public final class SparkArtifactFraming {
  /** Spark's chunk size: 32 KiB, the midpoint of gRPC's recommended 16-64 KiB message size. */
  public static final int CHUNK_SIZE = 32 * 1024;

  private SparkArtifactFraming() {}

  public static List<AddArtifactsRequest> frame(List<ArtifactBlob> artifacts) {
    List<AddArtifactsRequest> messages = new ArrayList<>();
    Batch.Builder batch = Batch.newBuilder();
    long batchBytes = 0;
    for (ArtifactBlob artifact : artifacts) {
      int size = artifact.data().size();
      if (size > CHUNK_SIZE) {
        if (batch.getArtifactsCount() > 0) {
          messages.add(AddArtifactsRequest.newBuilder().setBatch(batch).build());
          batch = Batch.newBuilder();
          batchBytes = 0;
        }
        addChunked(artifact, messages);
      } else {
        if (batchBytes + size > CHUNK_SIZE) {
          messages.add(AddArtifactsRequest.newBuilder().setBatch(batch).build());
          batch = Batch.newBuilder();
          batchBytes = 0;
        }
        batch.addArtifacts(
            SingleChunkArtifact.newBuilder().setName(artifact.name()).setData(chunk(artifact.data())));
        batchBytes += size;
      }
    }
    if (batch.getArtifactsCount() > 0) {
      messages.add(AddArtifactsRequest.newBuilder().setBatch(batch).build());
    }
    return List.copyOf(messages);
  }

  /** CRC32 of the bytes as Spark puts it on the wire: unsigned, in an int64. */
  public static long crc32(ByteString data) {
    CRC32 crc = new CRC32();
    crc.update(data.asReadOnlyByteBuffer());
    return crc.getValue();
  }

  /** Bytes with their CRC32. */
  public static ArtifactChunk chunk(ByteString data) {
    return ArtifactChunk.newBuilder().setData(data).setCrc(crc32(data)).build();
  }

  private static void addChunked(ArtifactBlob artifact, List<AddArtifactsRequest> messages) {
    ByteString data = artifact.data();
    int size = data.size();
    long numChunks = (size + (long) CHUNK_SIZE - 1) / CHUNK_SIZE;
    messages.add(
        AddArtifactsRequest.newBuilder()
            .setBeginChunk(
                BeginChunkedArtifact.newBuilder()
                    .setName(artifact.name())
                    .setTotalBytes(size)
                    .setNumChunks(numChunks)
                    .setInitialChunk(chunk(data.substring(0, CHUNK_SIZE))))
            .build());
    for (int offset = CHUNK_SIZE; offset < size; offset += CHUNK_SIZE) {
      int end = Math.min(size, offset + CHUNK_SIZE);
      messages.add(AddArtifactsRequest.newBuilder().setChunk(chunk(data.substring(offset, end))).build());
    }
  }
}
