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
 * <p>Chunks bound for the file are gathered from the {@code ByteString}s they arrived in (views of
 * the transport's buffers, see {@link AliasingUploads}) into a staging buffer of
 * {@link StagingBuffers} and written through a {@code FileChannel} a buffer at a time; when no
 * staging buffer is free, or a piece at least a buffer long meets an empty one, they are written
 * as they come. The file is a new one or a spare of the spill directory, overwritten from the
 * start and cut to the blob's length at the end. A chunk kept in memory is copied once into an
 * array of its own when its bytes are on loan from the transport, and kept as it is otherwise.
 */
final class BlobWriter implements AutoCloseable {

  private final MemoryBudget budget;
  private final SpillDirectory spillDir;
  private final List<ByteString> chunks = new ArrayList<>();
  private long reserved;
  /** Bytes reserved in the spill directory's capacity for the file (a spare's whole length at first). */
  private long onDisk;
  /** Bytes written to the file, staged ones included. */
  private long inFile;
  private long size;
  private Path file;
  private FileChannel fileOut;
  /** Pieces not yet written to the file; null when none was free or before spilling. */
  private ByteBuffer stage;
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
      flushStage();
      if (onDisk > inFile) {
        // A spare longer than this blob: its tail goes, and so does its share of the capacity.
        fileOut.truncate(inFile);
        spillDir.release(onDisk - inFile);
        onDisk = inFile;
      }
      fileOut.close();
    } catch (IOException e) {
      // Closing can be what reports a full disk (e.g. on network file systems).
      giveBackStage();
      closeQuietly();
      Files.deleteIfExists(file);
      spillDir.release(onDisk);
      onDisk = 0;
      throw outOfSpaceOr(e);
    }
    giveBackStage();
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
    giveBackStage();
    if (file != null) {
      closeQuietly();
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
    try {
      SpillDirectory.SpillFile spillFile = spillDir.newFile();
      file = spillFile.path();
      onDisk = spillFile.reserved();
      // Not truncated: a spare's pages and blocks are overwritten in place (see SpillDirectory).
      fileOut = FileChannel.open(file, StandardOpenOption.WRITE);
      stage = spillDir.staging().take();
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
    reserveOnDisk(inFile + data.size());
    inFile += data.size();
    for (ByteBuffer b : data.asReadOnlyByteBufferList()) {
      if (stage == null || (stage.position() == 0 && b.remaining() >= stage.capacity())) {
        // No buffer, or a piece as large as one on its own: gathering would only add a copy.
        writeFully(b);
        continue;
      }
      while (b.hasRemaining()) {
        int n = Math.min(b.remaining(), stage.remaining());
        stage.put(b.slice(b.position(), n));
        b.position(b.position() + n);
        if (!stage.hasRemaining()) {
          flushStage();
        }
      }
    }
  }

  private void flushStage() throws IOException {
    if (stage != null && stage.position() > 0) {
      stage.flip();
      writeFully(stage);
      stage.clear();
    }
  }

  /** Writes all of b; a full disk with spares in the directory gets one more try after they are deleted. */
  private void writeFully(ByteBuffer b) throws IOException {
    try {
      while (b.hasRemaining()) {
        fileOut.write(b);
      }
    } catch (IOException e) {
      if (!StoreFullException.isOutOfSpace(e) || !spillDir.dropSpares()) {
        throw e;
      }
      while (b.hasRemaining()) {
        fileOut.write(b);
      }
    }
  }

  /** Reserves what the file will hold beyond what is reserved for it already. */
  private void reserveOnDisk(long fileLength) throws StoreFullException {
    if (fileLength > onDisk) {
      spillDir.reserve(fileLength - onDisk);
      onDisk = fileLength;
    }
  }

  private void giveBackStage() {
    if (stage != null) {
      spillDir.staging().give(stage);
      stage = null;
    }
  }

  private void closeQuietly() {
    try {
      if (fileOut != null) {
        fileOut.close();
      }
    } catch (IOException ignored) {
      // The file is deleted next; a failed close changes nothing for the client.
    }
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
