package dev.cclr.server.artifacts;

import dev.cclr.server.relations.BlobLookup;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One session's committed {@code cache/} blobs by hash (the name after {@code cache/}, exact
 * string). The first content stored under a hash wins; later uploads of the same hash are no-ops,
 * as in Spark 4.1.2+. Closing the store (session released) frees every blob.
 */
public final class BlobStore implements BlobLookup {

  private final MemoryBudget budget;
  private final SpillDirectory spillDir;
  private final Map<String, Blob> blobs = new HashMap<>();
  private final long quota;
  private long storedBytes;
  private boolean closed;

  public BlobStore(MemoryBudget budget, SpillDirectory spillDir) {
    this(budget, spillDir, Long.MAX_VALUE);
  }

  /** @param quota the most bytes of blobs this session may hold, stored and being uploaded (SRV-SEC-004) */
  public BlobStore(MemoryBudget budget, SpillDirectory spillDir, long quota) {
    if (quota <= 0) {
      throw new IllegalArgumentException("the session storage quota must be positive");
    }
    this.budget = budget;
    this.spillDir = spillDir;
    this.quota = quota;
  }

  /** The session's storage quota in bytes (Long.MAX_VALUE when unbounded). */
  public long quota() {
    return quota;
  }

  /** Bytes of the blobs stored in this session. */
  public synchronized long storedBytes() {
    return storedBytes;
  }

  BlobWriter newWriter() {
    return new BlobWriter(budget, spillDir);
  }

  /**
   * Stores the blob under the hash unless one is there already (or the store is closed). Takes
   * over the caller's reference either way.
   *
   * @return true when stored
   */
  boolean commit(String hash, Blob blob) {
    synchronized (this) {
      if (!closed && !blobs.containsKey(hash)) {
        blobs.put(hash, blob);
        storedBytes += blob.size();
        return true;
      }
    }
    blob.release();
    return false;
  }

  public synchronized boolean contains(String hash) {
    return blobs.containsKey(hash);
  }

  public synchronized int count() {
    return blobs.size();
  }

  @Override
  public synchronized OptionalLong size(String hash) {
    Blob b = blobs.get(hash);
    return b == null ? OptionalLong.empty() : OptionalLong.of(b.size());
  }

  @Override
  public Optional<InputStream> open(String hash) throws IOException {
    Blob b;
    synchronized (this) {
      b = blobs.get(hash);
      if (b == null) {
        return Optional.empty();
      }
      // Take the reader's reference under the lock so that a concurrent close cannot free it first.
      b.retain();
    }
    try {
      return Optional.of(b.openRetained());
    } finally {
      b.release();
    }
  }

  /** A store sharing this one's blobs (each gains a reference), for CloneSession. */
  public synchronized BlobStore copy() {
    BlobStore c = new BlobStore(budget, spillDir, quota);
    blobs.forEach((hash, blob) -> {
      blob.retain();
      c.blobs.put(hash, blob);
    });
    c.storedBytes = storedBytes;
    return c;
  }

  /** Frees every blob; later commits are refused. Safe to call twice. */
  public void close() {
    Map<String, Blob> toFree;
    synchronized (this) {
      closed = true;
      toFree = new HashMap<>(blobs);
      blobs.clear();
    }
    toFree.values().forEach(Blob::release);
  }
}
