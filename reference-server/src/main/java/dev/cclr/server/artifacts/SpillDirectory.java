package dev.cclr.server.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory blobs beyond the memory budget are spilled to, with the number of bytes the
 * operator allows in it ({@code --store-capacity}; unbounded by default). Every byte is reserved
 * here before it is written to a spill file and released when the file is deleted, so the server
 * runs out of room the same way whether the limit is this capacity or the real disk (both end the
 * upload with {@link StoreFullException}).
 *
 * <p><b>Spare files.</b> The file of a freed blob is not deleted at once but kept as a spare
 * ({@code spare-N}, at most {@value #MAX_SPARE_FILES} files and {@link #MAX_SPARE_BYTES} bytes) and
 * the next spill overwrites it. Writing into a new file makes the kernel allocate and charge
 * page-cache folios and reserve disk blocks, and deleting it frees them all again; overwriting a
 * spare reuses both. On this project's bench machine writing and deleting spill files took a
 * quarter of the server's CPU, most of it that bookkeeping (spec/bench/history.md, "Spare spill
 * files"). Spares
 * count against the capacity like any spill file, and give way first: a reservation that does
 * not fit, or a write that meets a full disk, deletes them and tries again.
 */
public final class SpillDirectory {

  static final int MAX_SPARE_FILES = 256;
  static final long MAX_SPARE_BYTES = 1L << 30;

  private static final Logger LOG = LoggerFactory.getLogger(SpillDirectory.class);

  private final Path path;
  private final long capacity;
  private final StagingBuffers staging = new StagingBuffers();
  private final AtomicLong names = new AtomicLong();
  /** Guarded by this: bytes of every file in the directory, spares included. */
  private long used;
  /**
   * Guarded by this. The most recently freed first: its pages are the likeliest to be still in the
   * page cache, and still dirty, so that overwriting them adds no write-back of its own.
   */
  private final Deque<Spare> spares = new ArrayDeque<>();
  /** Guarded by this: the part of {@link #used} that spares hold. */
  private long spareBytes;

  /** A file to write a blob into, and the bytes of the capacity it already holds. */
  record SpillFile(Path path, long reserved) {}

  private record Spare(Path path, long bytes) {}

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

  /** Bytes of spill files (written, being written, committed or spare) now in the directory. */
  public synchronized long used() {
    return used;
  }

  /** Bytes of the spare files among {@link #used()}. */
  public synchronized long spareBytes() {
    return spareBytes;
  }

  StagingBuffers staging() {
    return staging;
  }

  /**
   * A file for a new blob: a spare renamed (its old bytes are overwritten; the writer truncates
   * what it does not overwrite, and its length stays reserved, for the caller), or a new empty file.
   */
  SpillFile newFile() throws IOException {
    Spare spare;
    synchronized (this) {
      spare = spares.pollFirst();
      if (spare != null) {
        spareBytes -= spare.bytes();
      }
    }
    if (spare != null) {
      Path file = path.resolve("blob-" + names.incrementAndGet() + ".part");
      try {
        Files.move(spare.path(), file);
        return new SpillFile(file, spare.bytes());
      } catch (IOException e) {
        delete(spare.path());
        release(spare.bytes());
      }
    }
    return new SpillFile(Files.createTempFile(path, "blob-", ".part"), 0);
  }

  /**
   * Takes back the file of a freed blob with the bytes of the capacity it holds: kept as a spare
   * while there is room for one, deleted otherwise. Nothing may read or map the file any more.
   */
  void recycle(Path file, long reserved) {
    synchronized (this) {
      if (spares.size() < MAX_SPARE_FILES && spareBytes + reserved <= MAX_SPARE_BYTES) {
        Path spare = path.resolve("spare-" + names.incrementAndGet());
        try {
          Files.move(file, spare);
          spares.addFirst(new Spare(spare, reserved));
          spareBytes += reserved;
          return;
        } catch (IOException e) {
          LOG.debug("Could not keep {} as a spare; deleting it", file, e);
        }
      }
    }
    delete(file);
    release(reserved);
  }

  /** Deletes every spare file; true if there was one (a full disk may then have room). */
  boolean dropSpares() {
    List<Spare> dropped;
    synchronized (this) {
      if (spares.isEmpty()) {
        return false;
      }
      dropped = new ArrayList<>(spares);
      spares.clear();
      spareBytes = 0;
    }
    for (Spare s : dropped) {
      delete(s.path());
      release(s.bytes());
    }
    return true;
  }

  /**
   * Reserves n bytes, or throws StoreFullException (nothing reserved) when they do not fit even
   * with the spares deleted.
   */
  void reserve(long n) throws StoreFullException {
    while (true) {
      synchronized (this) {
        if (n <= capacity - used) {
          used += n;
          return;
        }
        if (spares.isEmpty()) {
          throw new StoreFullException("the store directory's capacity of " + capacity
              + " bytes is used up (" + used + " bytes in use, " + n + " more needed)");
        }
      }
      dropSpares();
    }
  }

  synchronized void release(long n) {
    used -= n;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Freeing happens on close paths that must not fail; the directory is removed on shutdown.
      LOG.warn("Could not delete spill file {}", file, e);
    }
  }
}
