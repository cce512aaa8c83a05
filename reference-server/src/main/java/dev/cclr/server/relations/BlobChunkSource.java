package dev.cclr.server.relations;

import dev.cclr.server.relations.ipc.ChunkSource;
import java.io.IOException;
import java.io.InputStream;

/** A data chunk kept as a {@code cache/<hash>} blob; a missing blob is Spark's NOT_FOUND. */
final class BlobChunkSource implements ChunkSource {

  private final BlobLookup blobs;
  private final String hash;
  private final String sessionId;

  BlobChunkSource(BlobLookup blobs, String hash, String sessionId) {
    this.blobs = blobs;
    this.hash = hash;
    this.sessionId = sessionId;
  }

  @Override
  public long size() {
    return blobs.size(hash).orElse(0);
  }

  @Override
  public InputStream open() throws IOException {
    return blobs.open(hash).orElseThrow(() -> RelationErrors.chunkNotFound(hash, sessionId));
  }
}
