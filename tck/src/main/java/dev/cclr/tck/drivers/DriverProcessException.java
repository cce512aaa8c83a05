package dev.cclr.tck.drivers;

/** The driver process did not produce a usable result: timeout, failure exit, or no valid result file. */
public final class DriverProcessException extends RuntimeException {
  public DriverProcessException(String message) {
    super(message);
  }

  public DriverProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
