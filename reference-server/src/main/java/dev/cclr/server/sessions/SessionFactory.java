package dev.cclr.server.sessions;

import dev.cclr.server.artifacts.BlobStore;
import dev.cclr.server.artifacts.MemoryBudget;
import dev.cclr.server.artifacts.SpillDirectory;
import dev.cclr.server.config.ConfigRegistry;
import dev.cclr.server.config.SessionConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Makes new sessions with fresh configuration over the registry and a blob store on the budget. */
public final class SessionFactory {

  private final ConfigRegistry registry;
  private final MemoryBudget budget;
  private final SpillDirectory spillDir;
  private final Map<String, String> defaults;
  private final long sessionQuota;

  public SessionFactory(ConfigRegistry registry, MemoryBudget budget, SpillDirectory spillDir) {
    this(registry, budget, spillDir, Map.of());
  }

  /** With values every new session starts with (the operator's session defaults). */
  public SessionFactory(ConfigRegistry registry, MemoryBudget budget, SpillDirectory spillDir, Map<String, String> defaults) {
    this(registry, budget, spillDir, defaults, Long.MAX_VALUE);
  }

  /** @param sessionQuota the most bytes of blobs one session may hold (SRV-SEC-004) */
  public SessionFactory(ConfigRegistry registry, MemoryBudget budget, SpillDirectory spillDir, Map<String, String> defaults,
      long sessionQuota) {
    this.registry = registry;
    this.budget = budget;
    this.spillDir = spillDir;
    this.defaults = new LinkedHashMap<>(defaults);
    this.sessionQuota = sessionQuota;
  }

  Session create(SessionKey key) {
    SessionConfig config = new SessionConfig(registry);
    defaults.forEach(config::set);
    return new Session(key, config, new BlobStore(budget, spillDir, sessionQuota));
  }

  /** A new session with a copy of another's configuration and blobs (CloneSession). */
  Session cloneOf(Session source, SessionKey key) {
    return new Session(key, source.config().copy(), source.blobs().copy());
  }
}
