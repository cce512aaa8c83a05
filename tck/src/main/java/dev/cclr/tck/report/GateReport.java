package dev.cclr.tck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Gate} made of a run: the exit code and, with a baseline, the cases that regressed,
 * the expected failures that now pass (so the baseline can be tightened), the expected failures
 * that still fail, and listed ids that are no case of the run (a typo, or a case since removed).
 * Without a baseline every gated failure is a regression.
 */
public record GateReport(
    Gate gate,
    ExitCode exit,
    List<CaseResult> regressions,
    List<CaseResult> newlyPassing,
    List<CaseResult> expectedFailures,
    List<String> unknownIds) {

  public GateReport {
    regressions = List.copyOf(regressions);
    newlyPassing = List.copyOf(newlyPassing);
    expectedFailures = List.copyOf(expectedFailures);
    unknownIds = List.copyOf(unknownIds);
  }

  public boolean held() { return exit == ExitCode.HELD; }

  /** True when the run was gated against a baseline or an expected-failures list. */
  public boolean baselineActive() { return gate.baseline().active(); }

  /** How the case stands against the baseline. */
  public Standing standing(CaseResult r) {
    if (regressions.contains(r)) {
      return Standing.REGRESSION;
    }
    if (expectedFailures.contains(r)) {
      return Standing.EXPECTED_FAILURE;
    }
    if (newlyPassing.contains(r)) {
      return Standing.NEWLY_PASSING;
    }
    return Standing.AS_JUDGED;
  }

  /** The lines the console prints about the baseline; empty without one. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (!baselineActive()) {
      return lines;
    }
    lines.add("baseline: " + gate.baseline().expectedFailures().size() + " expected failures; " + expectedFailures.size()
        + " still fail, " + newlyPassing.size() + " newly pass, " + regressions.size() + " regressions");
    for (CaseResult r : regressions) {
      lines.add("REGRESSION: " + r.id() + " " + r.requirements() + " " + r.verdict() + ": " + firstLine(r.message()));
    }
    for (CaseResult r : newlyPassing) {
      lines.add("NEWLY PASSING: " + r.id() + " " + r.requirements() + " (expected to fail: "
          + gate.baseline().expectedFailure(r.id()).orElse("") + "); remove it from the baseline");
    }
    for (String id : unknownIds) {
      lines.add("NOTE: " + id + " is listed as expected to fail but is no case of this run");
    }
    return lines;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** A case's standing against the baseline; a closed set the reports mark. */
  public enum Standing {
    /** Nothing to add to the verdict: it passed and was expected to, or it was not gated. */
    AS_JUDGED,
    /** Failed, and was expected to: tolerated by the gate. */
    EXPECTED_FAILURE,
    /** A gated case that failed and was not expected to: fails the gate. */
    REGRESSION,
    /** Expected to fail, and now passes. */
    NEWLY_PASSING
  }
}
