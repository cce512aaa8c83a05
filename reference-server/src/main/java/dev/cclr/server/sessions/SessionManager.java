package dev.cclr.server.sessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All live sessions, and the keys of recently closed ones. Behaves like Spark's session manager:
 * a session id must be a UUID; a closed session's key stays closed (INVALID_HANDLE.SESSION_CLOSED)
 * unless it was released with allow_reconnect; a client that names a server-side session id other
 * than the current one gets INVALID_HANDLE.SESSION_CHANGED. Sessions idle for longer than the
 * timeout are closed like released ones.
 */
public final class SessionManager {

  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  /** How many closed keys are remembered (Spark keeps 1000 tombstones by default). */
  static final int CLOSED_KEYS_CAPACITY = 1000;

  private final SessionFactory factory;
  private final Map<SessionKey, Session> sessions = new LinkedHashMap<>();
  private final Map<SessionKey, Boolean> closedKeys = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<SessionKey, Boolean> eldest) {
      return size() > CLOSED_KEYS_CAPACITY;
    }
  };
  private final List<Consumer<Session>> closeListeners = new CopyOnWriteArrayList<>();

  public SessionManager(SessionFactory factory) {
    this.factory = factory;
  }

  /** Called with every session that closes (released, expired or at shutdown). */
  public void addCloseListener(Consumer<Session> listener) {
    closeListeners.add(listener);
  }

  /**
   * The session, created if needed, as most RPCs do. The observed server-side id is checked after
   * creation, like Spark: a stale id on a new key still creates the session, then fails.
   */
  public Session getOrCreate(String userId, String sessionId, Optional<String> observedServerSideId) {
    SessionKey key = new SessionKey(userId, sessionId);
    Session session;
    synchronized (this) {
      session = sessions.get(key);
      if (session == null) {
        checkFormat(sessionId);
        if (closedKeys.containsKey(key)) {
          throw SessionErrors.sessionClosed(sessionId);
        }
        session = factory.create(key);
        sessions.put(key, session);
      }
    }
    session.touch();
    checkObserved(session, observedServerSideId);
    return session;
  }

  /** An existing session (ReattachExecute, ReleaseExecute): never creates one. */
  public Session getExisting(String userId, String sessionId, Optional<String> observedServerSideId) {
    SessionKey key = new SessionKey(userId, sessionId);
    Session session;
    synchronized (this) {
      session = sessions.get(key);
      if (session == null) {
        throw closedKeys.containsKey(key)
            ? SessionErrors.sessionClosed(sessionId)
            : SessionErrors.sessionNotFound(sessionId);
      }
    }
    session.touch();
    checkObserved(session, observedServerSideId);
    return session;
  }

  /** The live session if there is one; SESSION_CLOSED for a closed key (FetchErrorDetails). */
  public Optional<Session> getIfPresent(String userId, String sessionId) {
    SessionKey key = new SessionKey(userId, sessionId);
    synchronized (this) {
      Session s = sessions.get(key);
      if (s == null && closedKeys.containsKey(key)) {
        throw SessionErrors.sessionClosed(sessionId);
      }
      return Optional.ofNullable(s);
    }
  }

  /** The live session if there is one, without any check (to attach an errorId to an error). */
  public synchronized Optional<Session> find(String userId, String sessionId) {
    return Optional.ofNullable(sessions.get(new SessionKey(userId, sessionId)));
  }

  /**
   * Closes the session and drops its blobs. Unknown or malformed ids are a no-op, as in Spark.
   *
   * @return the session that was closed, if there was one
   */
  public Optional<Session> release(String userId, String sessionId, boolean allowReconnect) {
    SessionKey key = new SessionKey(userId, sessionId);
    Session removed;
    synchronized (this) {
      removed = sessions.remove(key);
      if (!allowReconnect && removed != null) {
        closedKeys.put(key, Boolean.TRUE);
      }
    }
    if (removed != null) {
      close(removed);
    }
    return Optional.ofNullable(removed);
  }

  /** A new session under a new id (random when absent) with a copy of the source's state. */
  public Session cloneSession(Session source, Optional<String> newSessionId) {
    String id = newSessionId.orElseGet(() -> UUID.randomUUID().toString());
    SessionKey key = new SessionKey(source.userId(), id);
    synchronized (this) {
      try {
        UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        throw SessionErrors.cloneTarget("TARGET_SESSION_ID_FORMAT", id, "Target session ID " + id
            + " for clone operation must be an UUID string of the format '00112233-4455-6677-8899-aabbccddeeff'.");
      }
      if (sessions.containsKey(key)) {
        throw SessionErrors.cloneTarget("TARGET_SESSION_ID_ALREADY_EXISTS", id, "Cannot clone session to target"
            + " session ID " + id + " because a session with this ID already exists.");
      }
      if (closedKeys.containsKey(key)) {
        throw SessionErrors.cloneTarget("TARGET_SESSION_ID_ALREADY_CLOSED", id, "Cannot clone session to target"
            + " session ID " + id + " because a session with this ID was previously closed.");
      }
      Session copy = factory.cloneOf(source, key);
      sessions.put(key, copy);
      return copy;
    }
  }

  /** Closes sessions not used for longer than the timeout; their keys count as closed. */
  public int expireIdle(Duration timeout) {
    long now = System.nanoTime();
    List<Session> expired = new ArrayList<>();
    synchronized (this) {
      sessions.values().removeIf(s -> {
        boolean idle = now - s.lastAccessNanos() > timeout.toNanos();
        if (idle) {
          expired.add(s);
          closedKeys.put(s.key(), Boolean.TRUE);
        }
        return idle;
      });
    }
    expired.forEach(s -> {
      LOG.info("Session {} of user '{}' expired after {} idle", s.sessionId(), s.userId(), timeout);
      close(s);
    });
    return expired.size();
  }

  public synchronized int size() {
    return sessions.size();
  }

  /** Closes every session (server shutdown). */
  public void closeAll() {
    List<Session> all;
    synchronized (this) {
      all = new ArrayList<>(sessions.values());
      sessions.clear();
    }
    all.forEach(this::close);
  }

  private void close(Session s) {
    for (Consumer<Session> l : closeListeners) {
      try {
        l.accept(s);
      } catch (RuntimeException e) {
        LOG.warn("Close listener failed for session {}", s.sessionId(), e);
      }
    }
    s.close();
  }

  private static void checkFormat(String sessionId) {
    try {
      UUID.fromString(sessionId);
    } catch (IllegalArgumentException e) {
      throw SessionErrors.format(sessionId);
    }
  }

  private static void checkObserved(Session session, Optional<String> observed) {
    if (observed.isPresent() && !observed.get().equals(session.serverSideSessionId())) {
      throw SessionErrors.sessionChanged(session.sessionId());
    }
  }
}
