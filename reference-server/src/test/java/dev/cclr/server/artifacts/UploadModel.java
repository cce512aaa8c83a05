package dev.cclr.server.artifacts;

import java.io.ByteArrayOutputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What one AddArtifacts call must do, written from spec chapter 03 (SRV-ART-001..008) and the
 * session quota (SRV-SEC-004) independently of the server's code: which calls fail, which
 * summaries a successful call returns, and what the session's store holds afterwards. The fuzz
 * target feeds each message to the server and to this model and compares.
 */
final class UploadModel {

  /** One session's committed cache blobs by key, as the store must hold them. */
  static final class Store {
    final Map<String, byte[]> blobs = new LinkedHashMap<>();
    final long quota;

    Store(long quota) {
      this.quota = quota;
    }

    long storedBytes() {
      return blobs.values().stream().mapToLong(b -> b.length).sum();
    }
  }

  /** An artifact of the call: name, announced shape, what arrived, the CRC verdict. */
  static final class Artifact {
    final String name;
    final long announcedChunks;
    final Long announcedBytes;
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    long chunks;
    boolean crcOk = true;

    Artifact(String name, long announcedChunks, Long announcedBytes) {
      this.name = name;
      this.announcedChunks = announcedChunks;
      this.announcedBytes = announcedBytes;
    }
  }

  private final Store store;
  /** The call's session id is a UUID; otherwise its first message fails it. */
  private final boolean validSession;
  final List<Artifact> artifacts = new ArrayList<>();
  private Artifact open;
  private long receivedBytes;
  private boolean failed;
  /** Why the model expects the call to fail (for assertion messages). */
  String failure;

  UploadModel(Store store, boolean validSession) {
    this.store = store;
    this.validSession = validSession;
  }

  boolean failed() {
    return failed;
  }

  private void checkSession() {
    if (!validSession) {
      fail("invalid session id");
    }
  }

  private void fail(String why) {
    if (!failed) {
      failed = true;
      failure = why;
    }
  }

  void batch(List<Map.Entry<String, Chunk>> entries) {
    checkSession();
    if (failed) {
      return;
    }
    if (open != null) {
      fail("batch while a chunked artifact is open");
      return;
    }
    for (Map.Entry<String, Chunk> e : entries) {
      if (!fitsQuota(e.getValue()) || !validName(e.getKey())) {
        fail("quota or invalid name " + e.getKey());
        return;
      }
      Artifact a = new Artifact(e.getKey(), 1, null);
      artifacts.add(a);
      write(a, e.getValue());
    }
  }

  void begin(String name, long totalBytes, long numChunks, Chunk initial) {
    checkSession();
    if (failed) {
      return;
    }
    if (open != null || !validName(name) || !fitsQuota(initial)) {
      fail("begin while open, invalid name " + name + " or quota");
      return;
    }
    Artifact a = new Artifact(name, numChunks, totalBytes);
    artifacts.add(a);
    if (!write(a, initial)) {
      return;
    }
    if (a.chunks == a.announcedChunks) {
      checkComplete(a);
    } else {
      open = a;
    }
  }

  void chunk(Chunk c) {
    checkSession();
    if (failed) {
      return;
    }
    if (open == null || !fitsQuota(c)) {
      fail("chunk without open artifact or quota");
      return;
    }
    Artifact a = open;
    if (!write(a, c)) {
      return;
    }
    if (a.chunks == a.announcedChunks) {
      open = null;
      checkComplete(a);
    }
  }

  /** A message with no payload. */
  void empty() {
    checkSession();
    fail("message without payload");
  }

  /** The client half-closes: the call fails if anything failed or a chunked artifact is open. */
  void complete(boolean anyMessage) {
    if (!anyMessage || open != null) {
      fail(anyMessage ? "chunked artifact still open at the end" : "no message");
    }
  }

  /** After a successful call: CRC-clean cache artifacts are stored, the first content of a key wins. */
  void commit() {
    for (Artifact a : artifacts) {
      Optional<String> key = cacheKey(a.name);
      if (a.crcOk && key.isPresent() && !store.blobs.containsKey(key.get())) {
        store.blobs.put(key.get(), a.data.toByteArray());
      }
    }
  }

  private boolean write(Artifact a, Chunk c) {
    if (a.chunks >= a.announcedChunks) {
      fail("excessive chunks for " + a.name);
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(c.data());
    a.crcOk &= crc.getValue() == c.crc();
    a.data.writeBytes(c.data());
    a.chunks++;
    return true;
  }

  /** SRV-ART-002/003: every announced chunk, and exactly total_bytes of data. */
  private void checkComplete(Artifact a) {
    if (a.chunks != a.announcedChunks || a.data.size() != a.announcedBytes) {
      fail("missing chunks or total_bytes mismatch for " + a.name);
    }
  }

  /** SRV-SEC-004: stored bytes plus every piece of this call, checked piece by piece. */
  private boolean fitsQuota(Chunk c) {
    if (store.quota == Long.MAX_VALUE) {
      return true;
    }
    long total = store.storedBytes() + receivedBytes + c.data().length;
    if (total > store.quota) {
      return false;
    }
    receivedBytes += c.data().length;
    return true;
  }

  /**
   * SRV-SEC-001 (no escape from the artifact directory, no absolute path, not the directory
   * itself) and SRV-ART-008 (a cache name's key is a simple key, whether written as
   * {@code cache/<key>} or reaching the cache directory after normalisation).
   */
  static boolean validName(String name) {
    Path normalised;
    try {
      Path relative = Paths.get(name);
      if (relative.isAbsolute()) {
        return false;
      }
      Path base = Paths.get("/artifacts");
      normalised = Paths.get(base + "/" + name).normalize();
      if (normalised.equals(base) || !normalised.startsWith(base)) {
        return false;
      }
    } catch (InvalidPathException e) {
      return false;
    }
    String slashed = name.replace('\\', '/');
    if (slashed.startsWith("cache/") && !simpleKey(slashed.substring("cache/".length()))) {
      return false;
    }
    return cacheKey(name).map(UploadModel::simpleKey).orElse(true);
  }

  /** The key a cache artifact is stored under (the normalised path below cache/). */
  static Optional<String> cacheKey(String name) {
    String normalised = Paths.get(name.replace('\\', '/')).normalize().toString();
    return normalised.startsWith("cache/")
        ? Optional.of(normalised.substring("cache/".length())) : Optional.empty();
  }

  static boolean simpleKey(String key) {
    return key.matches("[A-Za-z0-9_-]{1,128}");
  }

  /** One ArtifactChunk as sent. */
  record Chunk(byte[] data, long crc) {
    static Chunk good(byte[] data) {
      CRC32 crc = new CRC32();
      crc.update(data);
      return new Chunk(data, crc.getValue());
    }
  }
}
