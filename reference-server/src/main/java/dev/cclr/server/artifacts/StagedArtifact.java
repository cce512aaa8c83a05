package dev.cclr.server.artifacts;

import dev.cclr.proto.AddArtifactsRequest.ArtifactChunk;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One artifact of an AddArtifacts stream while it arrives: its bytes (written through for cache
 * blobs, only counted for other artifacts, which this server does not keep), its CRC verdict and,
 * for a chunked artifact, how many chunks and bytes it announced.
 */
final class StagedArtifact implements AutoCloseable {

  private final String name;
  private final Optional<String> cacheHash;
  private final BlobWriter writer;
  private final long announcedChunks;
  private final long announcedBytes;
  /** False for a batch entry, which announces no size (its announcedBytes is then meaningless). */
  private final boolean bytesAnnounced;
  private long receivedChunks;
  private long receivedBytes;
  private boolean crcOk = true;
  /** The finished blob between {@link #seal()} and {@link #commitTo}, owned by this artifact. */
  private Blob sealed;

  private StagedArtifact(String name, BlobStore store, long announcedChunks, long announcedBytes,
      boolean bytesAnnounced) {
    ArtifactNames.validate(name);
    this.name = name;
    this.cacheHash = ArtifactNames.cacheHash(name);
    this.writer = cacheHash.isPresent() ? store.newWriter() : null;
    this.announcedChunks = announcedChunks;
    this.announcedBytes = announcedBytes;
    this.bytesAnnounced = bytesAnnounced;
  }

  /** A batch entry: one chunk, complete on arrival. */
  static StagedArtifact single(String name, BlobStore store) {
    return new StagedArtifact(name, store, 1, -1, false);
  }

  /** A begin_chunk artifact announcing its chunk count and total size. */
  static StagedArtifact chunked(String name, BlobStore store, long numChunks, long totalBytes) {
    return new StagedArtifact(name, store, numChunks, totalBytes, true);
  }

  String name() {
    return name;
  }

  /**
   * Appends one chunk and checks its CRC: the unsigned CRC32 of exactly this chunk's bytes,
   * compared with the int64 the client sent (so a sign-extended value never matches).
   */
  void write(ArtifactChunk chunk) {
    if (receivedChunks >= announcedChunks) {
      throw ArtifactErrors.excessiveChunks(name, announcedChunks, receivedBytes, announcedBytes);
    }
    CRC32 crc = new CRC32();
    // Part by part: a piece that arrived in several netty buffers is a rope of views, and
    // asReadOnlyByteBuffer() would copy it into one array.
    for (java.nio.ByteBuffer part : chunk.getData().asReadOnlyByteBufferList()) {
      crc.update(part);
    }
    crcOk &= crc.getValue() == chunk.getCrc();
    if (writer != null) {
      try {
        writer.write(chunk.getData());
      } catch (IOException e) {
        throw ArtifactErrors.storageFailure(name, e);
      }
    }
    receivedChunks++;
    receivedBytes += chunk.getData().size();
  }

  boolean allChunksReceived() {
    return receivedChunks == announcedChunks;
  }

  /** Throws "Missing data chunks" unless every announced chunk and byte arrived. */
  void checkComplete() {
    if (!allChunksReceived() || !bytesMatch()) {
      throw ArtifactErrors.missingChunks(name, announcedChunks, receivedChunks, receivedBytes,
          bytesAnnounced ? announcedBytes : receivedBytes);
    }
  }

  /** Whether the bytes received are the announced total_bytes (always, for a batch entry). */
  boolean bytesMatch() {
    // A negative total_bytes matches nothing (it used to skip the check, found by the AddArtifacts fuzzer).
    return !bytesAnnounced || receivedBytes == announcedBytes;
  }

  /** What arrived against what was announced, for error texts. */
  String describeBytes() {
    return "'" + name + "' (" + receivedBytes + " bytes received, total_bytes " + announcedBytes + ")";
  }

  boolean crcOk() {
    return crcOk;
  }

  String describeProgress() {
    return "'" + name + "' (" + receivedChunks + " of " + announcedChunks + " chunks received)";
  }

  /**
   * Finishes writing a complete, CRC-clean cache blob (the last buffered bytes reach the disk
   * here, so a full disk can fail this) without making it visible yet. Anything else is dropped:
   * failed CRCs are reported, not stored, as in Spark.
   */
  void seal() {
    if (writer == null || sealed != null) {
      return;
    }
    if (!crcOk) {
      writer.close();
      return;
    }
    try {
      sealed = writer.finish();
    } catch (IOException e) {
      throw ArtifactErrors.storageFailure(name, e);
    }
  }

  /** Puts the sealed blob into the store (first content wins there); see {@link #seal()}. */
  void commitTo(BlobStore store) {
    seal();
    if (sealed != null) {
      Blob blob = sealed;
      sealed = null;
      store.commit(cacheHash.get(), blob);
    }
  }

  /** Discards whatever was received (memory released, temp file deleted). */
  @Override
  public void close() {
    if (sealed != null) {
      sealed.release();
      sealed = null;
    }
    if (writer != null) {
      writer.close();
    }
  }
}
