package dev.cclr.tck.clienttck.checks;

import java.util.List;

/** What one check concluded: the rule holds, it is broken (with each breach in words), or it does not apply. */
public record Judgement(Kind kind, List<String> problems, String note) {

  public enum Kind { HOLDS, BROKEN, NOT_APPLICABLE }

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
   * The client never did what the check examines although the case made it necessary (for
   * example, no chunked relation although the threshold forces one). This is a failure, so
   * that a check never passes on nothing.
   */
  public static Judgement nothingToJudge(String what) {
    return broken("nothing to judge: " + what);
  }

  public static Judgement notApplicable(String why) {
    return new Judgement(Kind.NOT_APPLICABLE, List.of(), why);
  }
}
