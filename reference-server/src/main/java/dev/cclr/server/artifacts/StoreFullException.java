package dev.cclr.server.artifacts;

import java.io.IOException;

/**
 * The store directory has no room for a blob: its operator capacity is used up, or the file
 * system itself reported ENOSPC ("No space left on device"). Either way the upload ends with
 * RESOURCE_EXHAUSTED rather than an internal error, since the client did nothing wrong and may
 * retry later.
 */
final class StoreFullException extends IOException {

  StoreFullException(String message) {
    super(message);
  }

  /**
   * True when the failure (or one of its causes) means the disk is full. Java reports ENOSPC as a
   * plain IOException carrying the operating system's text, so the text is what is matched.
   */
  static boolean isOutOfSpace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StoreFullException) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && message.contains("No space left on device")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
