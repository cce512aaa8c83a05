package dev.cclr.server.artifacts;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A few direct buffers that spill writes are gathered in. Uploads arrive in pieces of 32 KiB
 * (Spark's clients cut them so), and the kernel's cost of a buffered write falls with its size:
 * one 256 KiB write costs it about two thirds of eight 32 KiB ones (fewer, larger page-cache
 * folios and block reservations; spec/bench/history.md, "Spare spill files"). Copying a piece that
 * was just received, and is still in the CPU's cache, into the buffer costs less than that.
 *
 * <p>At most {@value #MAX_BUFFERS} buffers of {@value #BUFFER_BYTES} bytes exist, made on first
 * use and kept; a writer that finds none free writes its pieces as they come. A writer holds its
 * buffer until its artifact is complete (AddArtifactsStream seals each artifact then, not at the
 * end of the call): when every writer of a 32-artifact call held one to the end, 24 of them found
 * none, wrote their 32 KiB pieces as they came, and their files' page cache was made of one- and
 * two-page folios that every later overwrite paid for.
 */
final class StagingBuffers {

  static final int BUFFER_BYTES = 256 << 10;
  static final int MAX_BUFFERS = 8;

  private final Deque<ByteBuffer> free = new ArrayDeque<>();
  private int made;

  /** A cleared buffer for the caller alone, or null when all are taken. */
  synchronized ByteBuffer take() {
    ByteBuffer b = free.pollFirst();
    if (b == null && made < MAX_BUFFERS) {
      made++;
      b = ByteBuffer.allocateDirect(BUFFER_BYTES);
    }
    return b;
  }

  /** Takes back a buffer from {@link #take()}; its contents are dropped. */
  synchronized void give(ByteBuffer b) {
    b.clear();
    free.addFirst(b);
  }

  /** Buffers taken and not given back. */
  synchronized int live() {
    return made - free.size();
  }

  /** Buffers made so far (never more than {@value #MAX_BUFFERS}). */
  synchronized int made() {
    return made;
  }
}
