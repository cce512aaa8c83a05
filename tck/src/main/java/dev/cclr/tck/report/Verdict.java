package dev.cclr.tck.report;

/** The outcome of one case against one target. */
public enum Verdict {
  /** Every expectation held. */
  PASS,
  /** The implementation answered, and the answer broke an expectation. */
  FAIL,
  /**
   * The case ran, but the situation its rule governs never arose (for example no chunk ever
   * repeated, so deduplication could not be judged): the rule is not shown to hold. Counted like a
   * failure and failing the gate at the levels it gates, so that no case passes on nothing; the
   * message says what never happened.
   */
  NOT_OBSERVED,
  /** The case could not be judged: the target broke the connection, timed out, or the TCK failed. */
  ERROR,
  /** The case cannot apply to this target or profile, for the reason the case or profile declares. */
  NOT_APPLICABLE,
  /** Left out because the user asked (tags, ids); never used to hide a result. */
  SKIPPED;

  public boolean counted() { return this == PASS || this == FAIL || this == NOT_OBSERVED || this == ERROR; }

  /** The verdicts that break the gate at a gated level: the rule was broken, not judged, or not shown. */
  public boolean failsGate() { return this == FAIL || this == NOT_OBSERVED || this == ERROR; }
}
