package dev.cclr.server.schema.ddl;

import dev.cclr.server.errors.SparkError;

/**
 * Why the DDL parser gave up. Spark's schema-string parsing tries several grammars in turn and
 * moves on only after a ParseException; other errors (a decimal precision above 38, a bad
 * collation) escape at once. {@link #isParseException()} tells the two apart.
 */
public final class DdlFailure extends RuntimeException {

  private final SparkError error;
  private final boolean parseException;

  private DdlFailure(SparkError error, boolean parseException) {
    super(error.getMessage(), null, false, false);
    this.error = error;
    this.parseException = parseException;
  }

  /** A failure Spark raises as ParseException (syntax and most type-name errors). */
  static DdlFailure parse(SparkError error) {
    return new DdlFailure(error, true);
  }

  /** A failure Spark raises as another exception class, which the fallbacks do not catch. */
  static DdlFailure escaping(SparkError error) {
    return new DdlFailure(error, false);
  }

  public SparkError error() {
    return error;
  }

  public boolean isParseException() {
    return parseException;
  }
}
