package dev.cclr.tck.selftest;

import java.util.Set;

/**
 * A reference server with one deliberate deviation, and the requirements whose cases must catch
 * it: the server TCK is only worth something if every such mutant fails a case naming one of them.
 */
public record ServerMutant(String id, String deviation, Set<String> caughtBy, Mutation mutation) {
  public ServerMutant {
    caughtBy = Set.copyOf(caughtBy);
  }
}
