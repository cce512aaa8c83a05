package dev.cclr.server.artifacts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A blob spilled to a file of the store directory; when the blob is freed the file goes back to
 * the directory, which keeps it as a spare or deletes it. Mappings of the file's record batch
 * bodies hold a reference of their own ({@link Blob#openRetained()}), so a file is never
 * overwritten while a mapping of it could still be read.
 */
final class FileBlob extends Blob {

  private final Path file;
  private final long size;
  private final SpillDirectory dir;
  private final long reserved;

  /** @param reserved bytes of the directory's capacity this file holds, released when it is deleted */
  FileBlob(Path file, long size, SpillDirectory dir, long reserved) {
    this.file = file;
    this.size = size;
    this.dir = dir;
    this.reserved = reserved;
  }

  @Override
  long size() {
    return size;
  }

  Path file() {
    return file;
  }

  @Override
  protected SeekableByteChannel openRaw() throws IOException {
    // Read straight into the caller's (direct, for Arrow bodies) buffers: no stream buffer in between.
    // Opened for writing too, only because a private (copy-on-write) mapping of a record batch body
    // needs it (MappedBodies); nothing writes to a stored blob.
    return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  @Override
  protected void free() {
    dir.recycle(file, reserved);
  }
}
