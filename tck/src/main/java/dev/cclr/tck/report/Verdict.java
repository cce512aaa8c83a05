package dev.cclr.tck.report;

/** The outcome of one case against one target. */
public enum Verdict {
  /** Every expectation held. */
  PASS,
  /** The implementation answered, and the answer broke an expectation. */
  FAIL,
  /** The case could not be judged: the target broke the connection, timed out, or the TCK failed. */
  ERROR,
  /** The case cannot apply to this target or profile, for the reason the case or profile declares. */
  NOT_APPLICABLE,
  /** Left out because the user asked (tags, ids); never used to hide a result. */
  SKIPPED;

  public boolean counted() { return this == PASS || this == FAIL || this == ERROR; }
}
