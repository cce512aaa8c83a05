package dev.cclr.server.errors;

/**
 * A cause that Spark writes around an error's message, such as the line, position and quoted
 * schema string a ParseException adds after {@code [CLASS] text SQLSTATE: s}. Kept as the
 * SparkError's cause so that every place that renders the message renders it the same way.
 */
public interface MessageLayout {

  /** The full message for a message already formatted as {@code [CLASS] text SQLSTATE: s}. */
  String around(String message);
}
