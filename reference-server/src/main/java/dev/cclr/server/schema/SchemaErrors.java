package dev.cclr.server.schema;

import dev.cclr.server.errors.SparkError;

/**
 * The errors Spark raises while turning a schema string or an Arrow schema into a Spark type,
 * with the error classes, SQLSTATEs, parameters and texts observed on Spark 4.2.0. Texts exclude
 * the "[CLASS] " prefix and the " SQLSTATE: ..." suffix.
 */
public final class SchemaErrors {

  private SchemaErrors() {}

  /** PARSE_SYNTAX_ERROR: {@code error} is the token display ('x' or "end of input"). */
  public static SparkError syntaxError(String error, String hint, SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("PARSE_SYNTAX_ERROR").sqlState("42601")
        .param("error", error).param("hint", hint)
        .text("Syntax error at or near " + error + hint + ".")
        .cause(position).build();
  }

  public static SparkError unclosedComment(SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("UNCLOSED_BRACKETED_COMMENT").sqlState("42601")
        .text("Found an unclosed bracketed comment. Please, append */ at the end of the comment.")
        .cause(position).build();
  }

  public static SparkError invalidIdentifier(String ident, SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("INVALID_IDENTIFIER").sqlState("42602")
        .param("ident", ident)
        .text("The unquoted identifier " + ident + " is invalid and must be back quoted as: `"
            + ident + "`.\nUnquoted identifiers can only contain ASCII letters ('a' - 'z', 'A' - "
            + "'Z'), digits ('0' - '9'), and underbar ('_').\nUnquoted identifiers must also not "
            + "start with a digit.\nDifferent data sources and meta stores may impose additional "
            + "restrictions on valid identifiers.")
        .cause(position).build();
  }

  /** UNSUPPORTED_DATATYPE for a type name the parser does not know, e.g. "FOO" or "INT(3)". */
  public static SparkError unsupportedDataType(String typeName, SchemaParsePosition position) {
    String quoted = "\"" + typeName + "\"";
    return SparkExceptionKind.PARSE_EXCEPTION.error("UNSUPPORTED_DATATYPE").sqlState("0A000")
        .param("typeName", quoted).text("Unsupported data type " + quoted + ".")
        .cause(position).build();
  }

  public static SparkError unsupportedIntervalRange(String from, String to,
      SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION
        .error("INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION").sqlState("22006")
        .param("input", "").param("from", from).param("to", to)
        .text("Error parsing '' to interval. Please ensure that the value provided is in a valid "
            + "format for defining an interval. You can reference the documentation for the "
            + "correct format. Cannot support (interval '' " + from + " to " + to
            + ") expression.")
        .cause(position).build();
  }

  public static SparkError missingSize(String type, SchemaParsePosition position) {
    String quoted = "\"" + type + "\"";
    return SparkExceptionKind.PARSE_EXCEPTION.error("DATATYPE_MISSING_SIZE").sqlState("42K01")
        .param("type", quoted)
        .text("DataType " + quoted + " requires a length parameter, for example " + quoted
            + "(10). Please specify the length.")
        .cause(position).build();
  }

  public static SparkError incompleteArray(SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("INCOMPLETE_TYPE_DEFINITION.ARRAY")
        .sqlState("42K01").param("elementType", "<INT>")
        .text("Incomplete complex type: The definition of \"ARRAY\" type is incomplete. You must "
            + "provide an element type. For example: \"ARRAY<INT>\".")
        .cause(position).build();
  }

  public static SparkError incompleteMap(SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("INCOMPLETE_TYPE_DEFINITION.MAP")
        .sqlState("42K01")
        .text("Incomplete complex type: The definition of \"MAP\" type is incomplete. You must "
            + "provide a key type and a value type. For example: \"MAP<TIMESTAMP, INT>\".")
        .cause(position).build();
  }

  public static SparkError incompleteStruct(SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("INCOMPLETE_TYPE_DEFINITION.STRUCT")
        .sqlState("42K01")
        .text("Incomplete complex type: The definition of \"STRUCT\" type is incomplete. You must "
            + "provide at least one field type. For example: \"STRUCT<name STRING, phone "
            + "DECIMAL(10, 0)>\".")
        .cause(position).build();
  }

  /** Spark still reports this one under a legacy class, without SQLSTATE. */
  public static SparkError decimalScaleAbovePrecision(int scale, int precision,
      SchemaParsePosition position) {
    return SparkExceptionKind.PARSE_EXCEPTION.error("_LEGACY_ERROR_TEMP_1228")
        .param("scale", scale).param("precision", precision)
        .text("Decimal scale (" + scale + ") cannot be greater than precision (" + precision + ").")
        .cause(position).build();
  }

  /**
   * A schema string whose reading failed with a plain JVM exception (a type parameter beyond an
   * int): Spark wraps the exception's message with the whole string, quoted.
   */
  public static SparkError invalidSchema(String schema, String reason) {
    String quoted = "\"" + schema + "\"";
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("INVALID_SCHEMA.PARSE_ERROR")
        .sqlState("42K07").param("inputSchema", quoted).param("reason", reason)
        .text("The input schema " + quoted + " is not a valid schema string. Cannot parse the "
            + "schema:\n" + reason)
        .build();
  }

  /** Not a ParseException in Spark: it escapes the DDL fallbacks. */
  public static SparkError decimalPrecisionTooLarge(int precision) {
    return SparkExceptionKind.SPARK_ARITHMETIC_EXCEPTION
        .error("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION").sqlState("22003")
        .param("precision", precision).param("maxPrecision", SparkType.DecimalType.MAX_PRECISION)
        .text("Decimal precision " + precision + " exceeds max precision "
            + SparkType.DecimalType.MAX_PRECISION + ".")
        .build();
  }

  /** Not a ParseException in Spark: it escapes the DDL fallbacks. */
  public static SparkError unsupportedTimePrecision(int precision) {
    return SparkExceptionKind.SPARK_EXCEPTION.error("UNSUPPORTED_TIME_PRECISION").sqlState("0A001")
        .param("precision", precision)
        .text("The seconds precision " + precision
            + " of the TIME data type is out of the supported range [0, 6].")
        .build();
  }

  /**
   * Not a ParseException in Spark. Spark proposes similar ICU collation names; the reference
   * server knows only Spark's built-in collation families and proposes none.
   */
  public static SparkError invalidCollation(String name) {
    return SparkExceptionKind.SPARK_EXCEPTION.error("COLLATION_INVALID_NAME").sqlState("42704")
        .param("proposals", "").param("collationName", name)
        .text("The value " + name
            + " does not represent a correct collation name. Suggested valid collation names: [].")
        .build();
  }

  /** UNSUPPORTED_ARROWTYPE for an Arrow type Spark cannot read, e.g. "Int(8, false)". */
  public static SparkError unsupportedArrowType(String arrowTypeName) {
    return SparkExceptionKind.SPARK_UNSUPPORTED_OPERATION.error("UNSUPPORTED_ARROWTYPE")
        .sqlState("0A000").param("typeName", arrowTypeName)
        .text("Unsupported arrow type " + arrowTypeName + ".")
        .build();
  }

  /** What Spark's Arrow reader raises for a Decimal256 column: a legacy class with no text. */
  public static SparkError unsupportedDecimal256() {
    return SparkExceptionKind.SPARK_UNSUPPORTED_OPERATION.error("_LEGACY_ERROR_TEMP_3160")
        .text("").build();
  }

  /** Spark fails when it has to turn a type into Arrow that Arrow cannot carry. */
  public static SparkError unsupportedDataTypeForArrow(SparkType type) {
    String quoted = "\"" + type.sql() + "\"";
    return SparkExceptionKind.SPARK_UNSUPPORTED_OPERATION.error("UNSUPPORTED_DATATYPE")
        .sqlState("0A000").param("typeName", quoted).text("Unsupported data type " + quoted + ".")
        .build();
  }
}
