package dev.cclr.server.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One session's recent errors by errorId, kept so that a client can ask for their details with
 * FetchErrorDetails. Bounded (oldest dropped first) so that a client that never asks cannot make
 * the server grow; an error is handed out once and then forgotten, as Spark does.
 */
public final class ErrorDetailsStore {

  /** How many errors a session remembers. */
  public static final int CAPACITY = 128;

  private final Map<String, RenderedError> errors = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RenderedError> eldest) {
      return size() > CAPACITY;
    }
  };

  public synchronized void put(String errorId, RenderedError error) {
    errors.put(errorId, error);
  }

  /** The error, removed from the store; empty when unknown or already fetched. */
  public synchronized Optional<RenderedError> take(String errorId) {
    return Optional.ofNullable(errors.remove(errorId));
  }

  public synchronized int size() {
    return errors.size();
  }
}
