package dev.cclr.server.schema;

/**
 * Where in a schema string Spark's parser reported an error. Spark's ParseException renders its
 * description as {@code "\n[CLASS] text SQLSTATE: s (line L, pos P)\n\n== SQL ==\n<command>\n"}
 * followed by a pointer line; it travels as the cause of the SparkError so that the error reporter
 * can reproduce that layout. It is never thrown on its own.
 */
public final class SchemaParsePosition extends Exception {

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
}
