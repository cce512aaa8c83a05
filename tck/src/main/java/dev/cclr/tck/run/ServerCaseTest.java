package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.CaseRunner;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance cases of the run's suite as JUnit tests: one test per case, named by the case
 * id, so that JUnit XML and Open Test Reporting carry the ids. Each test runs the case through
 * {@link CaseRunner}, records its result in the run, and turns the verdict into JUnit's terms:
 * FAIL and ERROR fail the test with the runner's message, NOT_APPLICABLE and SKIPPED abort it with
 * their reason. SHOULD and MAY cases fail like MUST ones here; the run's gate decides what counts.
 */
public class ServerCaseTest {

  static Stream<CaseDefinition> cases() {
    return TckRun.current().cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conforms(CaseDefinition c) {
    TckRun run = TckRun.current();
    CaseResult result = judge(run, c);
    run.record(result);
    switch (result.verdict()) {
      case PASS:
        return;
      case NOT_APPLICABLE:
      case SKIPPED:
        Assumptions.abort(result.verdict() + ": " + result.message());
        return;
      default:
        fail("[" + c.level() + " " + String.join(",", c.requirements()) + "] " + result.verdict() + ": " + result.message()
            + (result.actual() == null ? "" : "\nactual: " + result.actual()));
    }
  }

  private static CaseResult judge(TckRun run, CaseDefinition c) {
    Optional<String> skip = CaseSelection.skipReason(c, run.config());
    if (skip.isPresent()) {
      return new CaseResult(c.id(), c.title(), c.requirements(), c.level(), c.tags(), Verdict.SKIPPED, skip.get(), null, Duration.ZERO);
    }
    Target target;
    try {
      target = run.target();
    } catch (RuntimeException e) {
      return new CaseResult(c.id(), c.title(), c.requirements(), c.level(), c.tags(), Verdict.ERROR,
          "the target could not be started or reached: " + e, null, Duration.ZERO);
    }
    CaseRunner.Run onTarget = new CaseRunner(target, run.config().profile()).run(c);
    Optional<Target> versus = run.versus();
    if (versus.isPresent()) {
      CaseRunner.Run onVersus = new CaseRunner(versus.get(), run.config().profile()).run(c);
      List<String> differences = Differential.compare(onTarget.observations(), onVersus.observations());
      run.recordDifferences(c.id(), differences);
    }
    return onTarget.result();
  }
}
