package dev.cclr.tck.cases;

import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sessions of one case run, by the name steps give them ({@code "session"}) and the
 * credentials a step sends ({@code "credentials"}). A step with other credentials than the
 * target's talks to the same session id over its own channel, so that a server which only checked
 * credentials when a session is created, or only on some methods, is caught (SRV-SEC-002).
 */
final class CaseSessions implements AutoCloseable {
  /** What a step presents as credentials. */
  enum Credentials {
    /** The target's own (its {@code sc://…;token=…}), or none if it has none. */
    TARGET,
    /** No {@code authorization} header at all. */
    NONE,
    /** A bearer token that is not the target's. */
    WRONG;

    static Credentials of(String text) {
      return switch (text) {
        case "", "target" -> TARGET;
        case "none" -> NONE;
        case "wrong" -> WRONG;
        default -> throw new FixtureException("unknown credentials '" + text + "' (none, wrong or target)");
      };
    }
  }

  private final ConnectUri target;
  private final Map<String, ConnectSession> sessions = new LinkedHashMap<>();

  /** @param target where the target listens, with its own credentials */
  CaseSessions(ConnectUri target) {
    this.target = target;
  }

  ConnectSession get(String name, Credentials credentials) {
    return get(name, credentials, Optional.empty());
  }

  /**
   * The named session; {@code sessionId}, when present, is the literal {@code session_id} it
   * sends (a step's {@code "sessionId"}, for malformed ids), fixed when the session is first used.
   */
  ConnectSession get(String name, Credentials credentials, Optional<String> sessionId) {
    // A new session: a fresh session id (or the step's literal one), the target's user and credentials.
    ConnectSession own = sessions.computeIfAbsent(name, n -> sessionId
        .map(id -> ConnectSession.openWithAnySessionId(target, id))
        .orElseGet(() -> ConnectSession.open(target.withSessionId(UUID.randomUUID().toString()))));
    if (sessionId.isPresent() && !sessionId.get().equals(own.sessionId())) {
      throw new FixtureException("session '" + name + "' already has session id '" + own.sessionId()
          + "'; a step's sessionId '" + sessionId.get() + "' must be given where the session is first used");
    }
    if (credentials == Credentials.TARGET) {
      return own;
    }
    if (sessionId.isPresent()) {
      throw new FixtureException("a step with a literal sessionId cannot present other credentials");
    }
    ConnectUri uri = target.withSessionId(own.sessionId());
    ConnectUri presented = credentials == Credentials.NONE ? uri.withoutToken()
        // Never the target's token: a fresh random one, so "wrong" cannot match by accident.
        : uri.withToken("wrong-" + UUID.randomUUID());
    return sessions.computeIfAbsent(name + " with credentials " + credentials, n -> ConnectSession.open(presented));
  }

  @Override
  public void close() {
    List<ConnectSession> all = new ArrayList<>(sessions.values());
    sessions.clear();
    for (ConnectSession s : all) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // Closing a channel of a target that already went away is not a case result.
      }
    }
  }
}
