package dev.cclr.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NOT_OBSERVED is counted, fails the gate at the levels it gates and shows as a failure in JUnit XML. */
class NotObservedVerdictTest {

  private static RunSummary summary(CaseResult... results) {
    RunSummary s = new RunSummary("client", "a client", "pyspark", "-", "test", Instant.EPOCH);
    for (CaseResult r : results) {
      s.add(r);
    }
    return s;
  }

  private static CaseResult result(String id, String level, Verdict v) {
    return new CaseResult(id, id, List.of("CLI-ALG-007"), level, List.of(), v, v == Verdict.PASS ? "" : "never arose: no chunk repeated",
        null, Duration.ZERO);
  }

  @Test
  void aMustCaseWhoseSituationNeverAroseFailsTheGate() {
    RunSummary s = summary(result("a", "MUST", Verdict.PASS), result("b", "MUST", Verdict.NOT_OBSERVED));
    assertFalse(Gate.of(false).judge(s).held());
    assertEquals(ExitCode.NOT_CONFORMANT, Gate.of(false).judge(s).exit());
    assertEquals(2, s.judged());
    assertEquals(1, s.counts(true).get(Verdict.NOT_OBSERVED));
  }

  @Test
  void aShouldCaseWhoseSituationNeverAroseFailsOnlyTheAllLevelsGate() {
    RunSummary s = summary(result("a", "MUST", Verdict.PASS), result("b", "SHOULD", Verdict.NOT_OBSERVED));
    assertTrue(Gate.of(false).judge(s).held());
    assertFalse(Gate.of(true).judge(s).held());
  }

  @Test
  void junitXmlReportsItAsAFailureOfItsOwnType(@TempDir Path dir) throws Exception {
    Path file = JUnitXmlWriter.write(summary(result("b", "MUST", Verdict.NOT_OBSERVED)), dir);
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(xml.contains("failures=\"1\""), xml);
    assertTrue(xml.contains("<failure type=\"NOT_OBSERVED\" message=\"NOT_OBSERVED: never arose: no chunk repeated\">"), xml);
  }
}
