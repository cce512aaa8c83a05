package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.TargetCrash;
import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.targets.Target;
import dev.cclr.tck.targets.TargetProbe;
import dev.cclr.tck.targets.TargetOpener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one target of a run honest about whether it is there. The target is opened and probed once,
 * up front: a target that cannot be started or reached is found out there, and every case is then
 * ERROR with that one reason (never FAIL: nothing was judged). After each case the target is probed
 * again; a target that answered before the case and does not after it crashed during the case, which
 * FAILs that case (SRV-SEC-009: malformed input fails the request, not the server). A managed
 * target (one the TCK started) is then restarted and the run goes on; a target the TCK only connects
 * to leaves every later case ERROR.
 */
final class TargetGuard implements AutoCloseable {
  /** Cited by a crash verdict: malformed input must fail the request, not the server. */
  static final String CRASH_REQUIREMENT = "SRV-SEC-009";

  private final String spec;
  /** The spec as messages and reports show it (a connection string's token masked). */
  private final String shown;
  private final TargetOpener opener;
  private final Profile profile;
  private Target target;
  private String unavailable;
  private String neverReached;
  private final List<TargetCrash> crashes = new ArrayList<>();

  private TargetGuard(String spec, Profile profile, TargetOpener opener) {
    this.spec = spec;
    this.shown = dev.cclr.tck.client.ConnectUri.masked(spec);
    this.profile = profile;
    this.opener = opener;
  }

  /** Opens and probes the target named {@code spec}; never throws for a target that is not there. */
  static TargetGuard open(String spec, Profile profile, TargetOpener opener) {
    TargetGuard guard = new TargetGuard(spec, profile, opener);
    if (!guard.start("target " + guard.shown)) {
      guard.neverReached = guard.unavailable;
    }
    return guard;
  }

  /** Opens (or reopens) the target; on failure records why no case can be judged on it. */
  private boolean start(String what) {
    Target opened;
    try {
      opened = opener.open(spec, profile);
    } catch (RuntimeException e) {
      unavailable = what + " could not be started: " + message(e);
      return false;
    }
    Optional<String> problem = TargetProbe.problem(opened);
    if (problem.isPresent()) {
      closeQuietly(opened);
      unavailable = what + " did not answer: " + problem.get();
      return false;
    }
    target = opened;
    return true;
  }

  /** Why no (further) case can be judged on this target, if that is so. */
  synchronized Optional<String> unavailable() { return Optional.ofNullable(unavailable); }

  /** Why the target could not be judged at all (it was not there before the first case), if so. */
  synchronized Optional<String> neverReached() { return Optional.ofNullable(neverReached); }

  synchronized Target target() {
    if (target == null) {
      throw new IllegalStateException(unavailable);
    }
    return target;
  }

  synchronized List<TargetCrash> crashes() { return List.copyOf(crashes); }

  /** ERROR with the one reason the target is not there. */
  static CaseResult notJudged(CaseDefinition c, String reason) {
    return CaseVerdicts.result(c, Verdict.ERROR, "not judged: " + reason);
  }

  /**
   * Checks the target after a case: the case's own result if the target still answers, else a FAIL
   * naming the crash, after which a managed target is restarted.
   */
  synchronized CaseResult afterCase(CaseDefinition c, CaseResult result) {
    if (target == null || !result.verdict().counted()) {
      return result;
    }
    Optional<String> problem = TargetProbe.problem(target);
    if (problem.isEmpty()) {
      return result;
    }
    String aftermath;
    Target crashed = target;
    target = null;
    closeQuietly(crashed);
    if (crashed.managed()) {
      aftermath = start("target " + shown + ", restarted after the crash in case " + c.id() + ",")
          ? "restarted; the run went on with the next case"
          : "it could not be restarted: every later case is ERROR";
    } else {
      unavailable = "target " + shown + " is unavailable after the crash in case " + c.id()
          + " (the TCK did not start it, so it cannot restart it)";
      aftermath = "not restarted (not started by the TCK): every later case is ERROR";
    }
    crashes.add(new TargetCrash(c.id(), shown, problem.get(), aftermath));
    String message = "the target stopped answering during this case: " + problem.get()
        + " [a server must fail the request, not go down: " + CRASH_REQUIREMENT + "]";
    String before = result.message() == null || result.message().isEmpty() ? "" : "what the case saw: " + result.message();
    // Whatever the case's own level, taking the server down breaks a MUST.
    List<String> requirements = new ArrayList<>(result.requirements());
    if (!requirements.contains(CRASH_REQUIREMENT)) {
      requirements.add(CRASH_REQUIREMENT);
    }
    return new CaseResult(result.id(), result.title(), requirements, "MUST", result.tags(),
        Verdict.FAIL, message, before.isEmpty() ? result.actual() : before, result.duration());
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static void closeQuietly(Target t) {
    try {
      t.close();
    } catch (RuntimeException e) {
      System.err.println("could not stop " + t.name() + ": " + e);
    }
  }

  @Override
  public synchronized void close() {
    if (target != null) {
      closeQuietly(target);
      target = null;
    }
  }
}
