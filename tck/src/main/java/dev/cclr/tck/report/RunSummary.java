package dev.cclr.tck.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything a report says about one run: what was tested, how, and each case's result. */
public final class RunSummary {
  private final String suite;
  private final String implementation;
  private final String target;
  private final String profile;
  private final String tckVersion;
  private final Instant started;
  private final List<CaseResult> results = new ArrayList<>();
  private final List<TargetCrash> crashes = new ArrayList<>();
  private String notJudged;
  private Provenance provenance = Provenance.NONE;

  public RunSummary(String suite, String implementation, String target, String profile, String tckVersion, Instant started) {
    this.suite = suite;
    this.implementation = implementation;
    this.target = target;
    this.profile = profile;
    this.tckVersion = tckVersion;
    this.started = started;
  }

  public synchronized void add(CaseResult r) { results.add(r); }

  /** The run could not judge its target at all (it was not started or not reached), and why. */
  public synchronized void notJudged(String reason) { this.notJudged = reason; }

  public synchronized java.util.Optional<String> notJudgedReason() { return java.util.Optional.ofNullable(notJudged); }

  /** Records the implementation's version and how it was installed, as given to the run. */
  public synchronized void provenance(Provenance given) { this.provenance = java.util.Objects.requireNonNull(given); }

  public synchronized Provenance provenance() { return provenance; }

  public synchronized void addCrash(TargetCrash crash) { crashes.add(crash); }

  /** Targets that stopped answering during a case, in the order it happened. */
  public synchronized List<TargetCrash> crashes() { return List.copyOf(crashes); }

  public String suite() { return suite; }
  public String implementation() { return implementation; }
  public String target() { return target; }
  public String profile() { return profile; }
  public String tckVersion() { return tckVersion; }
  public Instant started() { return started; }
  public synchronized List<CaseResult> results() { return List.copyOf(results); }

  public Map<Verdict, Integer> counts(boolean must) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    for (CaseResult r : results()) {
      if (r.isMust() == must) {
        counts.merge(r.verdict(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Cases that were actually judged (PASS, FAIL, NOT_OBSERVED, ERROR). */
  public long judged() { return results().stream().filter(r -> r.verdict().counted()).count(); }

  /**
   * Cases that ended PASS, FAIL or NOT_OBSERVED: the implementation answered and was judged by its
   * answer (a situation that never arose is a finding about what the implementation did).
   */
  public long decided() {
    return results().stream().filter(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.FAIL
        || r.verdict() == Verdict.NOT_OBSERVED).count();
  }
}
