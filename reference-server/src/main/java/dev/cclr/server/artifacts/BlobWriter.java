package dev.cclr.server.artifacts;

import com.google.protobuf.ByteString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives one artifact's bytes chunk by chunk as they arrive. Chunks stay in memory while the
 * server-wide budget allows; the first chunk that does not fit moves everything received so far
 * to a temp file in the spill directory and the rest is appended there, so an artifact is never
 * gathered into one big array. {@link #finish()} hands the bytes over as a {@link Blob};
 * {@link #close()} before that discards them (memory released, temp file deleted).
 */
final class BlobWriter implements AutoCloseable {

  private final MemoryBudget budget;
  private final Path spillDir;
  private final List<byte[]> chunks = new ArrayList<>();
  private long reserved;
  private long size;
  private Path file;
  private OutputStream fileOut;
  private boolean done;

  BlobWriter(MemoryBudget budget, Path spillDir) {
    this.budget = budget;
    this.spillDir = spillDir;
  }

  void write(ByteString data) throws IOException {
    if (done) {
      throw new IllegalStateException("writer already finished or closed");
    }
    if (file == null && budget.tryReserve(data.size())) {
      chunks.add(data.toByteArray());
      reserved += data.size();
    } else {
      spill();
      data.writeTo(fileOut);
    }
    size += data.size();
  }

  long size() {
    return size;
  }

  boolean spilled() {
    return file != null;
  }

  /** The bytes as a blob holding one reference, owned by the caller. */
  Blob finish() throws IOException {
    if (done) {
      throw new IllegalStateException("writer already finished or closed");
    }
    done = true;
    if (file == null) {
      Blob blob = new InMemoryBlob(chunks, size, budget);
      chunks.clear();
      reserved = 0;
      return blob;
    }
    try {
      fileOut.close();
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new FileBlob(file, size);
  }

  /** Discards the bytes unless {@link #finish()} already handed them over. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    chunks.clear();
    budget.release(reserved);
    reserved = 0;
    if (file != null) {
      try {
        fileOut.close();
      } catch (IOException ignored) {
        // The file is deleted next; a failed close changes nothing for the client.
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // Left for the shutdown clean-up of the store directory.
      }
    }
  }

  private void spill() throws IOException {
    if (file != null) {
      return;
    }
    file = Files.createTempFile(spillDir, "blob-", ".part");
    fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    for (byte[] chunk : chunks) {
      fileOut.write(chunk);
    }
    chunks.clear();
    budget.release(reserved);
    reserved = 0;
  }
}
