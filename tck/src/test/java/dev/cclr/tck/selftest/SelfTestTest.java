package dev.cclr.tck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tck selftest} in the build: every server and client mutant is caught by a case naming a rule it breaks. */
class SelfTestTest {

  @Test
  void everyMutantIsCaughtByACaseNamingARuleItBreaks() {
    List<SelfTest.Outcome> outcomes = SelfTest.run(Path.of("target/tck-reports/selftest"), System.out);
    List<SelfTest.Outcome> missed = outcomes.stream().filter(o -> !o.caught()).toList();
    assertEquals(List.of(), missed, "mutants the TCK did not catch");
    assertTrue(outcomes.stream().filter(o -> o.kind().equals("server")).count() >= 20, "fewer than 20 server mutants");
    assertTrue(outcomes.stream().filter(o -> o.kind().equals("client")).count() >= 10, "fewer than 10 client mutants");
  }

  /**
   * Bugs planted in the real PySpark 4.2.0 client's upload code (hashing, deduplication, status
   * answers, chunk cutting, the schema blob, CRCs, the size limit, framing): each is caught by a
   * case naming a rule it breaks.
   */
  @Test
  @org.junit.jupiter.api.Tag("real-spark")
  void everyPySparkMutantIsCaughtByACaseNamingARuleItBreaks() {
    List<SelfTest.Outcome> outcomes = SelfTest.runPySparkMutants(Path.of("target/tck-reports/selftest"), System.out);
    assertEquals(List.of(), outcomes.stream().filter(o -> !o.caught()).toList(), "PySpark mutants the TCK did not catch");
    assertTrue(outcomes.size() >= 5, "fewer than 5 PySpark mutants");
  }

  @Test
  void aSituationThatNeverAroseDoesNotCatchAMutant() {
    List<CaseResult> results = List.of(result("x", Verdict.NOT_OBSERVED, "CLI-ALG-007"));
    SelfTest.Outcome o = SelfTest.judge("client", "m", results, java.util.Set.of("CLI-ALG-007"));
    assertEquals(false, o.caught(), o.detail());
    assertEquals("no case failed", o.detail());
  }

  /** The code-level mutants alone (a narrower run than the whole self-test). */
  @Test
  void everyCodeLevelMutantIsCaught() {
    for (CodeMutants.CodeMutant m : CodeMutants.all()) {
      SelfTest.Outcome o = SelfTest.runCodeMutant(m, Path.of("target/tck-reports/selftest-code"));
      assertTrue(o.caught(), m.id() + ": " + o.detail());
    }
  }

  @Test
  void aMutantIsOnlyCaughtByACaseAboutARuleItBreaks() {
    List<CaseResult> results = List.of(result("x", Verdict.FAIL, "SRV-SES-003"), result("y", Verdict.PASS, "SRV-SEM-002"));
    SelfTest.Outcome o = SelfTest.judge("server", "m", results, java.util.Set.of("SRV-SEM-002"));
    assertEquals(false, o.caught(), o.detail());
    assertEquals("only cases about other rules failed: [x]; expected one naming [SRV-SEM-002]", o.detail());
  }

  @Test
  void aMutantIsCaughtByAFailingCaseAboutARuleItBreaks() {
    List<CaseResult> results = List.of(result("x", Verdict.PASS, "SRV-SES-003"), result("y", Verdict.ERROR, "SRV-SEM-002"));
    SelfTest.Outcome o = SelfTest.judge("server", "m", results, java.util.Set.of("SRV-SEM-002"));
    assertEquals(true, o.caught(), o.detail());
    assertEquals("by y [SRV-SEM-002] (1 case(s) failed)", o.detail());
  }

  private static CaseResult result(String id, Verdict verdict, String requirement) {
    return new CaseResult(id, id, List.of(requirement), "MUST", List.of(), verdict, "", null, Duration.ZERO);
  }
}
