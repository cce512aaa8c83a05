package dev.cclr.server.sessions;

import dev.cclr.server.artifacts.BlobStore;
import dev.cclr.server.config.SessionConfig;
import dev.cclr.server.errors.ErrorDetailsStore;
import java.util.UUID;

/**
 * One client session: its configuration, its uploaded {@code cache/} blobs and its recent errors.
 * The server-side session id is a fresh random UUID (Spark's sessionUUID), so a client that sees
 * it change knows the server lost its state. Executions are kept by the execution package, which
 * is told when a session closes.
 */
public final class Session {

  private final SessionKey key;
  private final String serverSideSessionId = UUID.randomUUID().toString();
  private final SessionConfig config;
  private final BlobStore blobs;
  private final ErrorDetailsStore errors = new ErrorDetailsStore();
  private volatile long lastAccessNanos = System.nanoTime();

  Session(SessionKey key, SessionConfig config, BlobStore blobs) {
    this.key = key;
    this.config = config;
    this.blobs = blobs;
  }

  public SessionKey key() { return key; }

  public String userId() { return key.userId(); }

  public String sessionId() { return key.sessionId(); }

  public String serverSideSessionId() { return serverSideSessionId; }

  public SessionConfig config() { return config; }

  public BlobStore blobs() { return blobs; }

  public ErrorDetailsStore errors() { return errors; }

  /** Marks the session as used now, which keeps it from expiring. */
  public void touch() {
    lastAccessNanos = System.nanoTime();
  }

  long lastAccessNanos() {
    return lastAccessNanos;
  }

  void close() {
    blobs.close();
  }
}
