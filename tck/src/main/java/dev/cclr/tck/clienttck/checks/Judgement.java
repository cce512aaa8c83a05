package dev.cclr.tck.clienttck.checks;

import java.util.List;

/**
 * What one check concluded: the rule holds, it is broken (with each breach in words), the situation
 * the rule governs never arose in the run (with what never happened in words), or the rule does
 * not apply to this client at all.
 */
public record Judgement(Kind kind, List<String> problems, String note) {

  public enum Kind { HOLDS, BROKEN, NEVER_AROSE, NOT_APPLICABLE }

  public Judgement {
    problems = List.copyOf(problems);
  }

  public static Judgement holds() {
    return new Judgement(Kind.HOLDS, List.of(), "");
  }

  /** Holds when there are no problems. */
  public static Judgement of(List<String> problems) {
    return problems.isEmpty() ? holds() : new Judgement(Kind.BROKEN, problems, "");
  }

  public static Judgement broken(String problem) {
    return new Judgement(Kind.BROKEN, List.of(problem), "");
  }

  /**
   * The situation the rule governs never arose in the run (for example no chunk repeated, so
   * deduplication cannot be seen; or no chunked relation although the threshold forces one), so the
   * rule is neither shown to hold nor to be broken. The case reports it as {@code NOT_OBSERVED},
   * which fails the gate at gated levels: a check never passes on nothing. {@code what} says what
   * never happened and, where the case made it necessary, why it should have.
   */
  public static Judgement nothingToJudge(String what) {
    return new Judgement(Kind.NEVER_AROSE, List.of(), "never arose: " + what);
  }

  public static Judgement notApplicable(String why) {
    return new Judgement(Kind.NOT_APPLICABLE, List.of(), why);
  }
}
