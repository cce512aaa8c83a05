package dev.cclr.server.artifacts;

import dev.cclr.server.relations.ipc.ChannelInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The immutable bytes of one uploaded artifact, in memory or in a spill file. Reference counted:
 * the store holds one reference and every open reader another, so that releasing a session while
 * a planner still reads a blob frees the memory or deletes the file only when the reader is done.
 */
abstract sealed class Blob permits InMemoryBlob, FileBlob {

  private final AtomicInteger refs = new AtomicInteger(1);

  abstract long size();

  /** Opens a reader of the bytes without taking a reference; see {@link #openRetained()}. */
  protected abstract SeekableByteChannel openRaw() throws IOException;

  /** Frees memory or deletes the file; called once, when the last reference goes. */
  protected abstract void free();

  /**
   * A reader that holds a reference until it is closed; its channel lets the chunk reader read
   * record batch bodies straight into Arrow buffers, and a body it maps takes a reference of its
   * own ({@link ChannelInputStream#pin()}) until it is unmapped.
   */
  final InputStream openRetained() throws IOException {
    retain();
    SeekableByteChannel raw;
    try {
      raw = openRaw();
    } catch (IOException | RuntimeException e) {
      release();
      throw e;
    }
    return new ChannelInputStream(raw, this::release, this::pin);
  }

  /** A reference of its own for a mapping of the bytes; the returned action releases it. */
  private Runnable pin() {
    retain();
    return this::release;
  }

  final void retain() {
    int before = refs.getAndIncrement();
    if (before <= 0) {
      refs.getAndDecrement();
      throw new IllegalStateException("blob already freed");
    }
  }

  final void release() {
    int after = refs.decrementAndGet();
    if (after == 0) {
      free();
    } else if (after < 0) {
      throw new IllegalStateException("blob released more often than retained");
    }
  }
}
