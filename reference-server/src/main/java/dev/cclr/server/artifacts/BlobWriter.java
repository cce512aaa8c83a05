package dev.cclr.server.artifacts;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives one artifact's bytes chunk by chunk as they arrive. Chunks stay in memory while the
 * server-wide budget allows; the first chunk that does not fit moves everything received so far
 * to a temp file in the spill directory and the rest is appended there, so an artifact is never
 * gathered into one big array. {@link #finish()} hands the bytes over as a {@link Blob};
 * {@link #close()} before that discards them (memory released, temp file deleted). Bytes bound
 * for the file are reserved in the spill directory's capacity before they are written; a full
 * directory (capacity used up, or ENOSPC from the disk) surfaces as {@link StoreFullException}.
 *
 * <p>Chunks are written to the file through a {@code FileChannel} straight from the
 * {@code ByteString}s they arrived in (views of the transport's buffers, see
 * {@link AliasingUploads}), without a stream buffer in between; a chunk kept in memory is copied
 * once into an array of its own when its bytes are on loan from the transport, and kept as it is
 * otherwise.
 */
final class BlobWriter implements AutoCloseable {

  private final MemoryBudget budget;
  private final SpillDirectory spillDir;
  private final List<ByteString> chunks = new ArrayList<>();
  private long reserved;
  /** Bytes reserved in the spill directory's capacity for the file. */
  private long onDisk;
  private long size;
  private Path file;
  private FileChannel fileOut;
  private boolean done;

  BlobWriter(MemoryBudget budget, SpillDirectory spillDir) {
    this.budget = budget;
    this.spillDir = spillDir;
  }

  void write(ByteString data) throws IOException {
    if (done) {
      throw new IllegalStateException("writer already finished or closed");
    }
    if (file == null && budget.tryReserve(data.size())) {
      // Bytes still on loan from the transport are gone once the request's handler returns.
      chunks.add(LoanedBytesMarshaller.isLoaned(data) ? UnsafeByteOperations.unsafeWrap(data.toByteArray()) : data);
      reserved += data.size();
    } else {
      spill();
      reserveOnDisk(data.size());
      try {
        writeToFile(data);
      } catch (IOException e) {
        throw outOfSpaceOr(e);
      }
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
      // Closing can be what reports a full disk (e.g. on network file systems).
      Files.deleteIfExists(file);
      spillDir.release(onDisk);
      onDisk = 0;
      throw outOfSpaceOr(e);
    }
    long owned = onDisk;
    onDisk = 0;
    return new FileBlob(file, size, spillDir, owned);
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
        if (fileOut != null) {
          fileOut.close();
        }
      } catch (IOException ignored) {
        // The file is deleted next; a failed close changes nothing for the client.
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // Left for the shutdown clean-up of the store directory.
      }
    }
    spillDir.release(onDisk);
    onDisk = 0;
  }

  private void spill() throws IOException {
    if (file != null) {
      return;
    }
    reserveOnDisk(reserved);
    try {
      file = Files.createTempFile(spillDir.path(), "blob-", ".part");
      fileOut = FileChannel.open(file, StandardOpenOption.WRITE);
      for (ByteString chunk : chunks) {
        writeToFile(chunk);
      }
    } catch (IOException e) {
      throw outOfSpaceOr(e);
    }
    chunks.clear();
    budget.release(reserved);
    reserved = 0;
  }

  private void writeToFile(ByteString data) throws IOException {
    for (ByteBuffer b : data.asReadOnlyByteBufferList()) {
      while (b.hasRemaining()) {
        fileOut.write(b);
      }
    }
  }

  private void reserveOnDisk(long n) throws StoreFullException {
    spillDir.reserve(n);
    onDisk += n;
  }

  /** ENOSPC from the file system becomes the same StoreFullException as a used-up capacity. */
  private static IOException outOfSpaceOr(IOException e) {
    if (e instanceof StoreFullException || !StoreFullException.isOutOfSpace(e)) {
      return e;
    }
    StoreFullException full = new StoreFullException("the file system of the store directory is full ("
        + e.getMessage() + ")");
    full.initCause(e);
    return full;
  }
}
