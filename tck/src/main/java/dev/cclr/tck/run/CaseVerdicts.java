package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the server and the client case tests share: selection, and turning a verdict into JUnit's terms. */
final class CaseVerdicts {
  private CaseVerdicts() {}

  /** SKIPPED when the run's selection leaves the case out. */
  static Optional<CaseResult> skipped(CaseDefinition c, RunConfiguration config) {
    return CaseSelection.skipReason(c, config).map(reason -> result(c, Verdict.SKIPPED, reason));
  }

  static CaseResult result(CaseDefinition c, Verdict verdict, String message) {
    return new CaseResult(c.id(), c.title(), c.requirements(), c.level(), c.tags(), verdict, message, null, Duration.ZERO);
  }

  /**
   * Records the result in the run and reports it to JUnit: FAIL and ERROR fail the test with the
   * runner's message, NOT_APPLICABLE and SKIPPED abort it with their reason. SHOULD and MAY cases
   * fail like MUST ones here; the run's gate decides what counts.
   */
  static void report(TckRun run, CaseDefinition c, CaseResult result) {
    run.record(result);
    switch (result.verdict()) {
      case PASS:
        return;
      case NOT_APPLICABLE:
      case SKIPPED:
        Assumptions.abort(result.verdict() + ": " + result.message());
        return;
      default:
        // The result's level and requirements: a crash verdict adds the requirement it breaks.
        fail("[" + result.level() + " " + String.join(",", result.requirements()) + "] " + result.verdict() + ": " + result.message()
            + (result.actual() == null ? "" : "\nactual: " + result.actual()));
    }
  }
}
