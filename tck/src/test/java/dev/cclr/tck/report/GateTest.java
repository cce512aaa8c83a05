package dev.cclr.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's verdicts with and without a baseline, the messages it prints, and how baselines are read. */
class GateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CaseResult result(String id, String level, Verdict verdict) {
    return new CaseResult(id, id + " title", List.of("SRV-X-00" + id.length()), level, List.of(), verdict,
        verdict == Verdict.PASS ? "ok" : "expected 1, got 2\nsecond line", null, Duration.ZERO);
  }

  private static RunSummary summary(CaseResult... results) {
    RunSummary s = new RunSummary("server", "impl 1.0", "sc://127.0.0.1:1", "spark-4.2", "dev", Instant.EPOCH);
    for (CaseResult r : results) {
      s.add(r);
    }
    return s;
  }

  private static Baseline expected(String text) {
    return Baseline.parseExpectedFailures(text, "xfail.txt");
  }

  @Test
  void withoutBaselineEveryGatedFailureFailsTheGate() {
    GateReport report = Gate.of(false).judge(summary(result("a", "MUST", Verdict.PASS), result("b", "MUST", Verdict.FAIL),
        result("c", "SHOULD", Verdict.FAIL)));
    assertEquals(ExitCode.NOT_CONFORMANT, report.exit());
    assertEquals(List.of("b"), report.regressions().stream().map(CaseResult::id).toList());
    assertEquals(List.of(), report.lines(), "no baseline lines without a baseline");

    assertEquals(ExitCode.HELD, Gate.of(false).judge(summary(result("a", "MUST", Verdict.PASS), result("c", "SHOULD", Verdict.FAIL))).exit());
    assertEquals(ExitCode.NOT_CONFORMANT, Gate.of(true).judge(summary(result("a", "MUST", Verdict.PASS), result("c", "SHOULD", Verdict.FAIL))).exit());
  }

  @Test
  void expectedFailuresHoldTheGateAndRegressionsFailIt() {
    Baseline baseline = expected("# known\nb  chunk order not supported yet\nd\n");
    GateReport held = new Gate(false, baseline).judge(summary(result("a", "MUST", Verdict.PASS), result("b", "MUST", Verdict.FAIL),
        result("d", "MUST", Verdict.ERROR)));
    assertEquals(ExitCode.HELD, held.exit());
    assertEquals(GateReport.Standing.EXPECTED_FAILURE, held.standing(held.expectedFailures().get(0)));
    assertEquals(List.of("baseline: 2 expected failures; 2 still fail, 0 newly pass, 0 regressions"), held.lines());

    GateReport regressed = new Gate(false, baseline).judge(summary(result("a", "MUST", Verdict.FAIL), result("b", "MUST", Verdict.PASS),
        result("d", "MUST", Verdict.ERROR)));
    assertEquals(ExitCode.NOT_CONFORMANT, regressed.exit());
    assertEquals(List.of(
        "baseline: 2 expected failures; 1 still fail, 1 newly pass, 1 regressions",
        "REGRESSION: a [SRV-X-001] FAIL: expected 1, got 2",
        "NEWLY PASSING: b [SRV-X-001] (expected to fail: chunk order not supported yet (xfail.txt)); remove it from the baseline"),
        regressed.lines());
  }

  @Test
  void aRunThatJudgedNothingCouldNotJudgeWhateverTheBaseline() {
    RunSummary s = summary(result("a", "MUST", Verdict.ERROR));
    s.notJudged("connection refused");
    assertEquals(ExitCode.COULD_NOT_JUDGE, new Gate(false, expected("a")).judge(s).exit());
    assertEquals(ExitCode.COULD_NOT_JUDGE, new Gate(false, expected("")).judge(summary(result("a", "MUST", Verdict.SKIPPED))).exit());
  }

  @Test
  void anUnknownListedIdIsNamed() {
    GateReport report = new Gate(false, expected("no-such-case typo")).judge(summary(result("a", "MUST", Verdict.PASS)));
    assertEquals(ExitCode.HELD, report.exit());
    assertTrue(report.lines().contains("NOTE: no-such-case is listed as expected to fail but is no case of this run"), report.lines().toString());
  }

  @Test
  void aSummaryBaselineExpectsItsFailuresAndErrors() throws Exception {
    JsonNode previous = SummaryJsonWriter.toJson(summary(result("a", "MUST", Verdict.PASS), result("b", "MUST", Verdict.FAIL),
        result("c", "MUST", Verdict.ERROR), result("d", "MUST", Verdict.SKIPPED)), false);
    Baseline b = Baseline.fromSummary(JSON.readTree(previous.toString()), "old.json", "server");
    assertEquals(Map.of("b", "FAIL in the baseline old.json", "c", "ERROR in the baseline old.json"), b.expectedFailures());
    // A case that was skipped in the baseline is not known to fail: failing now is a regression.
    GateReport report = new Gate(false, b).judge(summary(result("a", "MUST", Verdict.PASS), result("b", "MUST", Verdict.FAIL),
        result("c", "MUST", Verdict.PASS), result("d", "MUST", Verdict.FAIL)));
    assertEquals(List.of("d"), report.regressions().stream().map(CaseResult::id).toList());
    assertEquals(List.of("c"), report.newlyPassing().stream().map(CaseResult::id).toList());
  }

  @Test
  void summaryMarksEachCaseAgainstTheBaseline() {
    RunSummary s = summary(result("a", "MUST", Verdict.FAIL), result("b", "MUST", Verdict.FAIL), result("c", "MUST", Verdict.PASS));
    JsonNode json = SummaryJsonWriter.toJson(s, new Gate(false, expected("b flaky\nc")).judge(s));
    assertEquals(1, json.get("exitCode").asInt());
    assertEquals("[\"a\"]", json.get("baseline").get("regressions").toString());
    assertEquals("[\"c\"]", json.get("baseline").get("newlyPassing").toString());
    JsonNode a = json.get("cases").get(0);
    JsonNode b = json.get("cases").get(1);
    assertTrue(a.get("regression").asBoolean());
    assertFalse(a.get("expectedFailure").asBoolean());
    assertTrue(b.get("expectedFailure").asBoolean());
    assertEquals("flaky (xfail.txt)", b.get("expectedFailureReason").asText());
    assertFalse(b.get("regression").asBoolean());
    assertTrue(json.get("cases").get(2).get("newlyPassing").asBoolean());
    assertFalse(SummaryJsonWriter.toJson(s, false).get("cases").get(0).has("regression"), "no baseline fields without a baseline");
  }

  @Test
  void reportsMarkExpectedFailures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    RunSummary s = summary(result("a", "MUST", Verdict.FAIL), result("b", "MUST", Verdict.FAIL));
    GateReport gate = new Gate(false, expected("b")).judge(s);
    String html = HtmlReportWriter.render(s, gate);
    assertTrue(html.contains("<small class=\"expected\">expected failure</small>"), html);
    assertTrue(html.contains("<small class=\"regression\">regression</small>"), html);
    // JUnit XML: the expected failure is skipped (as pytest writes an xfail), the regression a failure.
    String xml = java.nio.file.Files.readString(JUnitXmlWriter.write(s, gate, dir));
    assertTrue(xml.contains("failures=\"1\" errors=\"0\" skipped=\"1\""), xml);
    assertTrue(xml.contains("name=\"b\" time=\"0.0\">\n    <skipped message=\"expected failure (listed in xfail.txt): FAIL: expected 1, got 2"), xml);
    assertTrue(xml.contains("name=\"a\" time=\"0.0\">\n    <failure message="), xml);
  }

  @Test
  void expectedFailuresFileIsReadStrictly() {
    Baseline b = expected("# comment\n\n  case-one   # reason one\ncase-two reason two\ncase-3\r\n");
    assertEquals(List.of("case-one", "case-two", "case-3"), List.copyOf(b.expectedFailures().keySet()));
    assertEquals("reason two (xfail.txt)", b.expectedFailure("case-two").orElseThrow());
    assertEquals("reason one (xfail.txt)", b.expectedFailure("case-one").orElseThrow());
    assertEquals("listed in xfail.txt", b.expectedFailure("case-3").orElseThrow());
    assertEquals("xfail.txt line 2: case a is listed twice",
        assertThrows(Baseline.BaselineException.class, () -> expected("a\na again")).getMessage());
    assertEquals("xfail.txt line 1: 'Bad/Id' is not a case id (lower-case letters, digits, '.', '_', '-')",
        assertThrows(Baseline.BaselineException.class, () -> expected("Bad/Id why")).getMessage());
  }

  @Test
  void aBaselineThatCannotServeIsRefused() throws Exception {
    assertEquals("the baseline s.json is a summary of the 'client' suite; this run is the 'server' suite",
        assertThrows(Baseline.BaselineException.class,
            () -> Baseline.fromSummary(JSON.readTree("{\"suite\":\"client\",\"cases\":[]}"), "s.json", "server")).getMessage());
    assertEquals("the baseline s.json comes from a run that judged nothing (refused); make the baseline from a run that reached its target",
        assertThrows(Baseline.BaselineException.class,
            () -> Baseline.fromSummary(JSON.readTree("{\"suite\":\"server\",\"notJudged\":\"refused\",\"cases\":[]}"), "s.json", "server")).getMessage());
    assertEquals("the baseline s.json is not a tck-summary.json (no \"cases\" array)",
        assertThrows(Baseline.BaselineException.class, () -> Baseline.fromSummary(JSON.readTree("[1]"), "s.json", "server")).getMessage());
  }
}
