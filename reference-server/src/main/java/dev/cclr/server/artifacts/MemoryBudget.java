package dev.cclr.server.artifacts;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide number of bytes that uploaded blobs may occupy in memory. Blobs that do not
 * fit are spilled to files, so the budget bounds heap use whatever clients upload.
 */
public final class MemoryBudget {

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  public MemoryBudget(long limitBytes) {
    if (limitBytes < 0) {
      throw new IllegalArgumentException("memory budget must not be negative: " + limitBytes);
    }
    this.limit = limitBytes;
  }

  /** Reserves n bytes if they fit; false (and nothing reserved) otherwise. */
  public boolean tryReserve(long n) {
    while (true) {
      long current = used.get();
      if (current + n > limit) {
        return false;
      }
      if (used.compareAndSet(current, current + n)) {
        return true;
      }
    }
  }

  public void release(long n) {
    used.addAndGet(-n);
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit;
  }
}
