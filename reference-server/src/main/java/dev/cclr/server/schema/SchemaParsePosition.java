package dev.cclr.server.schema;

import dev.cclr.server.errors.MessageLayout;

/**
 * Where in a schema string Spark's parser reported an error. Spark's ParseException renders its
 * description as {@code "\n[CLASS] text SQLSTATE: s (line L, pos P)\n\n== SQL ==\n<command>\n"}
 * followed by a pointer line; it travels as the cause of the SparkError so that the error reporter
 * can reproduce that layout. It is never thrown on its own.
 */
public final class SchemaParsePosition extends Exception implements MessageLayout {

  private final String command;
  private final int line;
  private final int position;

  public SchemaParsePosition(String command, int line, int position) {
    super("line " + line + ", pos " + position, null, false, false);
    this.command = command;
    this.line = line;
    this.position = position;
  }

  /** The schema string that was parsed. */
  public String command() { return command; }

  /** 1-based line of the offending token; 0 when Spark shows no position (lexer errors). */
  public int line() { return line; }

  /** 0-based character position of the offending token within its line. */
  public int position() { return position; }

  /**
   * Spark's layout (observed on 4.1.2 and 4.2.0): a leading newline, the message, the position,
   * then the schema string split at its newlines with a pointer line under the offending line.
   * Lexer errors (line 0) carry no position; their layout was not observed, so they keep the
   * plain message.
   */
  @Override
  public String around(String message) {
    if (line() <= 0) {
      return message;
    }
    StringBuilder b = new StringBuilder("\n").append(message)
        .append(" (line ").append(line()).append(", pos ").append(position()).append(")\n")
        .append("\n== SQL ==\n");
    // String.split drops trailing empty lines, as Spark's rendering does.
    String[] lines = command().split("\n");
    int above = Math.min(line(), lines.length);
    for (int i = 0; i < above; i++) {
      b.append(lines[i]).append('\n');
    }
    b.append("-".repeat(position())).append("^^^\n");
    for (int i = above; i < lines.length; i++) {
      b.append(lines[i]).append('\n');
    }
    return b.toString();
  }
}
