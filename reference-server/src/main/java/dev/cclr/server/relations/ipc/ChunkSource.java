package dev.cclr.server.relations.ipc;

import java.io.IOException;
import java.io.InputStream;

/**
 * One Arrow IPC stream to read: a cached blob or the bytes of an inline LocalRelation. Opening
 * may fail with a SparkError (a missing blob); the stream is read sequentially and closed by the
 * reader.
 */
public interface ChunkSource {

  /** The stream's length in bytes, used to bound what the reader allocates. */
  long size();

  InputStream open() throws IOException;
}
