package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.CaseRunner;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.targets.Target;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance cases of the run's suite as JUnit tests: one test per case, named by the case
 * id, so that JUnit XML and Open Test Reporting carry the ids. Each test runs the case through
 * {@link CaseRunner}, records its result in the run, and turns the verdict into JUnit's terms:
 * FAIL and ERROR fail the test with the runner's message, NOT_APPLICABLE and SKIPPED abort it with
 * their reason. SHOULD and MAY cases fail like MUST ones here; the run's gate decides what counts.
 */
@ExtendWith(TckRunParameter.class)
public class ServerCaseTest {

  @TestFactory
  Stream<DynamicTest> conforms(TckRun run) {
    return run.cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> CaseVerdicts.report(run, c, judge(run, c))));
  }

  private static CaseResult judge(TckRun run, CaseDefinition c) {
    Optional<CaseResult> skipped = CaseVerdicts.skipped(c, run.config());
    if (skipped.isPresent()) {
      return skipped.get();
    }
    Optional<String> unavailable = run.unavailable();
    if (unavailable.isPresent()) {
      return TargetGuard.notJudged(c, unavailable.get());
    }
    Target target = run.target();
    CaseRunner.Run onTarget = new CaseRunner(target.uri(), target.name(), run.config().profile()).run(c);
    Optional<Target> versus = run.versus();
    if (versus.isPresent()) {
      CaseRunner.Run onVersus = new CaseRunner(versus.get().uri(), versus.get().name(), run.config().profile()).run(c);
      List<String> differences = Differential.compare(onTarget.observations(), onVersus.observations());
      run.recordDifferences(c.id(), differences);
    }
    return run.afterCase(c, onTarget.result());
  }
}
