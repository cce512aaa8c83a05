package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client cases of a run as JUnit tests, one per case id, judged by the run's
 * {@link dev.cclr.tck.clienttck.ClientCaseRunner}; verdicts map to JUnit as in {@link ServerCaseTest}.
 */
public class ClientCaseTest {

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
    try {
      return run.clientRunner().run(c);
    } catch (RuntimeException e) {
      return new CaseResult(c.id(), c.title(), c.requirements(), c.level(), c.tags(), Verdict.ERROR,
          "the driver could not be set up: " + e, null, Duration.ZERO);
    }
  }
}
