package dev.cclr.tck.matrix;

/**
 * What running one matrix row came to. Only a judged row replaces the committed results; a row
 * that could not be installed, started or reached leaves its previous results as they were.
 */
public record RowOutcome(MatrixRow row, Status status, String detail) {

  public enum Status {
    /** The implementation answered and was judged (whatever its verdicts); its summary was written. */
    JUDGED,
    /** Nothing could be judged; the previous results are kept. */
    COULD_NOT_JUDGE
  }

  public boolean judged() { return status == Status.JUDGED; }

  public String line() {
    return row.id() + ": " + (judged() ? "judged" : "COULD NOT JUDGE") + " (" + detail + ")";
  }
}
