package dev.cclr.tck.targets.container;

/** A container target cannot run; the message says why and what to do. Never turned into a skip. */
public final class ContainerTargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ContainerTargetException(String message) {
    super(message);
  }

  public ContainerTargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
