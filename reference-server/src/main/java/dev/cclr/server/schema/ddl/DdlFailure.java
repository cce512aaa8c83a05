package dev.cclr.server.schema.ddl;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SchemaErrors;

/**
 * Why the DDL parser gave up. Spark's schema-string parsing tries several grammars in turn and
 * moves on only after a ParseException; other errors (a decimal precision above 38, a bad
 * collation, a type parameter beyond an int) escape at once. {@link #isParseException()} tells
 * the two apart.
 */
public final class DdlFailure extends RuntimeException {

  /** Spark's error; null when Spark failed with a plain JVM exception ({@link #jvmMessage}). */
  private final SparkError error;
  private final boolean parseException;
  /** The JVM exception's message, which Spark wraps with the whole schema string. */
  private final String jvmMessage;

  private DdlFailure(SparkError error, boolean parseException, String jvmMessage) {
    super(error != null ? error.getMessage() : jvmMessage, null, false, false);
    this.error = error;
    this.parseException = parseException;
    this.jvmMessage = jvmMessage;
  }

  /** A failure Spark raises as ParseException (syntax and most type-name errors). */
  static DdlFailure parse(SparkError error) {
    return new DdlFailure(error, true, null);
  }

  /** A failure Spark raises as another exception class, which the fallbacks do not catch. */
  static DdlFailure escaping(SparkError error) {
    return new DdlFailure(error, false, null);
  }

  /**
   * A type parameter that does not fit an int: Spark's {@code toInt} throws a
   * NumberFormatException, which escapes the fallbacks and is reported for the whole string.
   */
  static DdlFailure numberTooLarge(String digits) {
    return new DdlFailure(null, false, "For input string: \"" + digits + "\"");
  }

  /** The error to report for this failure of the schema string {@code schema}. */
  public SparkError error(String schema) {
    return error != null ? error : SchemaErrors.invalidSchema(schema, jvmMessage);
  }

  /**
   * The error AnalyzePlan ddl_parse reports for this failure: there Spark does not wrap the JVM
   * exception, which reaches the client as itself (observed: java.lang.NumberFormatException).
   */
  public SparkError ddlParseError() {
    return error != null ? error
        : SparkError.plain("java.lang.NumberFormatException", jvmMessage).build();
  }

  public boolean isParseException() {
    return parseException;
  }
}
