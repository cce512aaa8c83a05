package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.util.stream.Stream;
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
    CaseVerdicts.report(run, c, judge(run, c));
  }

  private static CaseResult judge(TckRun run, CaseDefinition c) {
    return CaseVerdicts.skipped(c, run.config()).orElseGet(() -> {
      try {
        return run.clientRunner().run(c);
      } catch (RuntimeException e) {
        return CaseVerdicts.result(c, Verdict.ERROR, "the driver could not be set up: " + e);
      }
    });
  }
}
