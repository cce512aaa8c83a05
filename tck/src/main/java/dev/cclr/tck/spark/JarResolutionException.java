package dev.cclr.tck.spark;

/**
 * Raised when Maven artifacts cannot be resolved. The message names the requested coordinates, the
 * repository that was asked and every artifact that failed, so that a failed test run says what to
 * fix (a typo in a version, a release not on Central yet, no network) without reading stack traces.
 */
public final class JarResolutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JarResolutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
