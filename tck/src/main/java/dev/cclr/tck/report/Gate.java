package dev.cclr.tck.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that turns a run's results into its exit code. Without a baseline it is all-or-nothing:
 * any gated case (MUST, or every level with {@code allLevels}) that FAILs or ERRORs fails the run.
 * With a {@link Baseline} it fails only on regressions: a gated case that FAILs or ERRORs and is not
 * expected to fail. Either way a run that reached no target, or decided no case by an answer, could
 * not judge anything.
 *
 * @param allLevels SHOULD and MAY cases are gated too (--gate all)
 */
public record Gate(boolean allLevels, Baseline baseline) {

  public Gate {
    java.util.Objects.requireNonNull(baseline, "baseline");
  }

  /** The all-or-nothing gate. */
  public static Gate of(boolean allLevels) {
    return new Gate(allLevels, Baseline.NONE);
  }

  /** What the gate makes of a run. */
  public GateReport judge(RunSummary s) {
    List<CaseResult> regressions = new ArrayList<>();
    List<CaseResult> newlyPassing = new ArrayList<>();
    List<CaseResult> stillFailing = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (CaseResult r : s.results()) {
      ids.add(r.id());
      boolean failed = r.verdict().failsGate();
      boolean expected = baseline.expectedFailure(r.id()).isPresent();
      if (failed && expected) {
        stillFailing.add(r);
      } else if (failed && (allLevels || r.isMust())) {
        regressions.add(r);
      } else if (expected && r.verdict() == Verdict.PASS) {
        newlyPassing.add(r);
      }
    }
    List<String> unknown = baseline.expectedFailures().keySet().stream().filter(id -> !ids.contains(id)).toList();
    ExitCode exit;
    if (s.notJudgedReason().isPresent() || s.decided() == 0) {
      exit = ExitCode.COULD_NOT_JUDGE;
    } else {
      exit = regressions.isEmpty() ? ExitCode.HELD : ExitCode.NOT_CONFORMANT;
    }
    return new GateReport(this, exit, regressions, newlyPassing, stillFailing, unknown);
  }
}
