package dev.cclr.driver.sparkjvm;

/** The caller asked for something the driver cannot do; it exits with the usage status. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
