package dev.cclr.tck.clienttck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.tck.clienttck.ClientCaseRunner.CheckRef;
import dev.cclr.tck.clienttck.ClientCaseRunner.Decision;
import dev.cclr.tck.clienttck.checks.Judgement;
import dev.cclr.tck.report.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a client case's checks' judgements make its verdict: a breach, then "never arose", then N/A. */
class ClientCaseVerdictTest {
  private static final CheckRef A = new CheckRef("no-name-twice-in-one-call", "CLI-ALG-007");
  private static final CheckRef B = new CheckRef("rows-equal-input", "CLI-ALG-008");

  @Test
  void aSituationThatNeverAroseIsNotObservedAndSaysWhatNeverHappened() {
    assertEquals(new Decision(Verdict.NOT_OBSERVED, "CLI-ALG-007 no-name-twice-in-one-call: never arose: no chunk repeated"),
        ClientCaseRunner.decide(List.of(A, B), List.of(Judgement.nothingToJudge("no chunk repeated"), Judgement.holds())));
  }

  @Test
  void aBreachWinsOverASituationThatNeverArose() {
    assertEquals(new Decision(Verdict.FAIL, "CLI-ALG-008 rows-equal-input: rows differ"),
        ClientCaseRunner.decide(List.of(A, B), List.of(Judgement.nothingToJudge("no chunk repeated"), Judgement.broken("rows differ"))));
  }

  @Test
  void notApplicableOnlyWhenNoCheckApplies() {
    assertEquals(new Decision(Verdict.PASS, ""),
        ClientCaseRunner.decide(List.of(A, B), List.of(Judgement.notApplicable("no schema blob"), Judgement.holds())));
    assertEquals(new Decision(Verdict.NOT_APPLICABLE, "CLI-ALG-007 no-name-twice-in-one-call: no schema blob"),
        ClientCaseRunner.decide(List.of(A), List.of(Judgement.notApplicable("no schema blob"))));
  }
}
