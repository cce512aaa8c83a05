package dev.cclr.server.artifacts;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The directory blobs beyond the memory budget are spilled to, with the number of bytes the
 * operator allows in it ({@code --store-capacity}; unbounded by default). Every byte is reserved
 * here before it is written to a spill file and released when the file is deleted, so the server
 * runs out of room the same way whether the limit is this capacity or the real disk (both end the
 * upload with {@link StoreFullException}).
 */
public final class SpillDirectory {

  private final Path path;
  private final long capacity;
  private final AtomicLong used = new AtomicLong();

  public SpillDirectory(Path path, long capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("store capacity must not be negative: " + capacity);
    }
    this.path = path;
    this.capacity = capacity;
  }

  /** A directory bounded only by its disk. */
  public static SpillDirectory unbounded(Path path) {
    return new SpillDirectory(path, Long.MAX_VALUE);
  }

  public Path path() {
    return path;
  }

  public long capacity() {
    return capacity;
  }

  /** Bytes of spill files (written, being written or committed) now in the directory. */
  public long used() {
    return used.get();
  }

  /** Reserves n bytes, or throws StoreFullException (nothing reserved) when they do not fit. */
  void reserve(long n) throws StoreFullException {
    while (true) {
      long current = used.get();
      if (n > capacity - current) {
        throw new StoreFullException("the store directory's capacity of " + capacity
            + " bytes is used up (" + current + " bytes in use, " + n + " more needed)");
      }
      if (used.compareAndSet(current, current + n)) {
        return;
      }
    }
  }

  void release(long n) {
    used.addAndGet(-n);
  }
}
