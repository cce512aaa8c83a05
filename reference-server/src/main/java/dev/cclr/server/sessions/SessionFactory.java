package dev.cclr.server.sessions;

import dev.cclr.server.artifacts.BlobStore;
import dev.cclr.server.artifacts.MemoryBudget;
import dev.cclr.server.config.ConfigRegistry;
import dev.cclr.server.config.SessionConfig;
import java.nio.file.Path;

/** Makes new sessions with fresh configuration over the registry and a blob store on the budget. */
public final class SessionFactory {

  private final ConfigRegistry registry;
  private final MemoryBudget budget;
  private final Path spillDir;

  public SessionFactory(ConfigRegistry registry, MemoryBudget budget, Path spillDir) {
    this.registry = registry;
    this.budget = budget;
    this.spillDir = spillDir;
  }

  Session create(SessionKey key) {
    return new Session(key, new SessionConfig(registry), new BlobStore(budget, spillDir));
  }

  /** A new session with a copy of another's configuration and blobs (CloneSession). */
  Session cloneOf(Session source, SessionKey key) {
    return new Session(key, source.config().copy(), source.blobs().copy());
  }
}
