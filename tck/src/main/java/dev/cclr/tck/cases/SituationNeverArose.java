package dev.cclr.tck.cases;

/**
 * A step could not set up the situation its case judges (for example, a result that completed
 * before the point where the case cuts the stream to reattach): the case is reported
 * NOT_OBSERVED, never PASS, and a MUST case so reported fails the gate.
 */
final class SituationNeverArose extends RuntimeException {
  SituationNeverArose(String what) {
    super(what);
  }
}
