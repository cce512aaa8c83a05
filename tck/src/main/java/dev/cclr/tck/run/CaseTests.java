package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.CaseRunner;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.targets.Target;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A run's cases as JUnit dynamic tests, one per case: the kit's own front end ({@link
 * ServerCaseTest}, {@link ClientCaseTest}) and the embedding API ({@code dev.cclr.tck.junit}) both
 * build their tests here, so a case is judged the same way wherever it runs. Each test runs its case
 * (server cases through {@link CaseRunner}, client cases through the run's client runner), records
 * the result in the run and reports the verdict as {@link CaseVerdicts#report} says.
 */
public final class CaseTests {
  private CaseTests() {}

  /** One dynamic test per case of the run, named by {@code name}. */
  public static Stream<DynamicTest> of(TckRun run, Function<CaseDefinition, String> name) {
    return run.cases().stream().map(c -> DynamicTest.dynamicTest(name.apply(c), () -> CaseVerdicts.report(run, c,
        run.config().suite() == Suite.CLIENT ? judgeClient(run, c) : judgeServer(run, c))));
  }

  private static CaseResult judgeServer(TckRun run, CaseDefinition c) {
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

  private static CaseResult judgeClient(TckRun run, CaseDefinition c) {
    return CaseVerdicts.skipped(c, run.config()).orElseGet(() -> {
      try {
        return run.clientRunner().run(c);
      } catch (RuntimeException e) {
        return CaseVerdicts.result(c, Verdict.ERROR, "the driver could not be set up: " + e);
      }
    });
  }
}
