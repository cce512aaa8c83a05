package dev.cclr.server.schema;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.ddl.DdlFailure;
import dev.cclr.server.schema.ddl.DdlParser;

/**
 * Parses a schema string exactly as Spark's Connect planner does for local relations:
 *
 * <ol>
 *   <li>as a table schema ({@code a INT, b STRING NOT NULL COMMENT 'c'});
 *   <li>then as a data type ({@code int}, {@code struct<x: bigint>});
 *   <li>then as {@code struct<} + the trimmed text + {@code >} ({@code a:int, b:string});
 *   <li>then as Spark's JSON type format.
 * </ol>
 *
 * A stage moves on to the next only after a ParseException; other errors (decimal precision
 * above 38, an unknown collation) skip to the JSON fallback directly. When the JSON fallback
 * fails too, the first DDL error is reported. A non-struct result becomes one nullable column
 * named {@code value}. The empty string parses as a struct with no fields.
 */
public final class SchemaStringParser {

  private SchemaStringParser() {}

  /** The schema a local relation gets from this string. Throws {@link SparkError}. */
  public static SparkType.StructType parseSchema(String schema) {
    SparkType type = parseType(schema);
    if (type instanceof SparkType.StructType struct) {
      return struct;
    }
    return SparkType.StructType.of(new StructField("value", type, true));
  }

  /** The data type of the string, not wrapped. Throws {@link SparkError}. */
  public static SparkType parseType(String schema) {
    DdlFailure ddlFailure;
    try {
      return parseDdl(schema);
    } catch (DdlFailure e) {
      ddlFailure = e;
    }
    try {
      return JsonTypeParser.parse(schema);
    } catch (JsonTypeParser.NotAType | RuntimeException e) {
      throw ddlFailure.error(schema);
    }
  }

  /**
   * The type AnalyzePlan ddl_parse answers: the DDL stages only (Spark 4.2.0 does not fall back to
   * JSON there; a JSON string is a PARSE_SYNTAX_ERROR). Throws {@link SparkError}.
   */
  public static SparkType parseDdlOnly(String ddl) {
    try {
      return parseDdl(ddl);
    } catch (DdlFailure e) {
      throw e.ddlParseError();
    }
  }

  private static SparkType parseDdl(String schema) {
    try {
      return DdlParser.parseTableSchema(schema);
    } catch (DdlFailure tableSchemaFailure) {
      if (!tableSchemaFailure.isParseException()) {
        throw tableSchemaFailure;
      }
      try {
        return DdlParser.parseDataType(schema);
      } catch (DdlFailure dataTypeFailure) {
        if (!dataTypeFailure.isParseException()) {
          throw dataTypeFailure;
        }
        try {
          return DdlParser.parseDataType("struct<" + schema.trim() + ">");
        } catch (DdlFailure structFailure) {
          if (!structFailure.isParseException()) {
            throw structFailure;
          }
          throw tableSchemaFailure;
        }
      }
    }
  }
}
