package dev.cclr.tck.report;

/**
 * What the {@code tck run} and {@code tck client} exit codes mean; part of the TCK's interface.
 * With a baseline ({@code --baseline}, {@code --expected-failures}) "failed" means "regressed": a
 * gated case that is not an expected failure failed or errored (see {@link Gate}).
 */
public enum ExitCode {
  /** At least one case was judged, and no gated case failed or errored. */
  HELD(0),
  /** The implementation was judged, and a gated case failed or errored (with a baseline: regressed). */
  NOT_CONFORMANT(1),
  /**
   * Nothing could be judged: the target could not be started or reached (every case is ERROR with
   * that one reason), or no case was decided by an answer of the implementation.
   */
  COULD_NOT_JUDGE(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() { return code; }
}
