package dev.cclr.tck.arrow;

/** An Arrow type the canonical form does not cover; raised rather than guessing a representation. */
public final class UnsupportedArrowTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedArrowTypeException(String message) {
    super(message);
  }
}
