package dev.cclr.tck.targets;

import dev.cclr.tck.cases.Profile;

/**
 * Opens a target from its name under a profile. {@link Targets#open(String, Profile)} knows every
 * kind a user can name; the self-test adds its mutants by passing an opener of its own, so that
 * the target kinds do not depend on the self-test.
 */
@FunctionalInterface
public interface TargetOpener {
  Target open(String spec, Profile profile);
}
