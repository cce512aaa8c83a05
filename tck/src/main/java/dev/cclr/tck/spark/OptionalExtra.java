package dev.cclr.tck.spark;

/**
 * A part of a runtime classpath that a program can run without, at the cost of one feature. It is
 * resolved by trial ({@link ClasspathWithOptionalExtras}): present only when every jar it needs
 * resolved.
 */
public interface OptionalExtra {
  /** What stops working when this extra is missing, for the log and for reports. */
  String whenMissing();
}
