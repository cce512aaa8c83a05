package dev.cclr.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.errors.SparkError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Schema-string parsing beyond the Spark fixtures: JSON details and hostile input. */
class SchemaStringParserTest {

  @Test
  void jsonCollationsMetadataAppliesToStringFieldsAndIsRemoved() {
    SparkType.StructType s = SchemaStringParser.parseSchema("{\"type\":\"struct\",\"fields\":["
        + "{\"name\":\"a\",\"type\":\"string\",\"nullable\":true,\"metadata\":"
        + "{\"__COLLATIONS\":{\"a\":\"spark.UTF8_LCASE\"},\"k\":1}},"
        + "{\"name\":\"b\",\"type\":{\"type\":\"array\",\"elementType\":\"string\","
        + "\"containsNull\":true},\"nullable\":true,\"metadata\":"
        + "{\"__COLLATIONS\":{\"b.element\":\"icu.UNICODE_CI\"}}}]}");
    assertEquals(new SparkType.StringType("UTF8_LCASE"), s.field(0).type());
    assertEquals("{\"k\":1}", s.field(0).metadataJson());
    assertEquals(new SparkType.ArrayType(new SparkType.StringType("UNICODE_CI"), true),
        s.field(1).type());
    assertEquals(StructField.NO_METADATA, s.field(1).metadataJson());
  }

  @Test
  void jsonPythonUdtKeepsItsSqlType() {
    SparkType t = SchemaStringParser.parseType("{\"type\":\"udt\",\"pyClass\":\"a.b.C\","
        + "\"serializedClass\":\"xx\",\"sqlType\":\"integer\"}");
    assertEquals(new SparkType.UserDefinedType(null, "a.b.C", "xx", SparkType.INT), t);
  }

  @Test
  void jsonIsStrictAboutKeysAndFallsBackToTheDdlError() {
    SparkError e = assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(
        "{\"type\":\"struct\",\"fields\":[],\"extra\":1}"));
    assertEquals("PARSE_SYNTAX_ERROR", e.errorClass());
    assertEquals("'{'", e.messageParameters().get("error"));
    assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}"));
    assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(
        "{\"type\":\"struct\",\"fields\":[],\"type\":\"struct\"}"));
  }

  @Test
  void parseErrorsCarryTheirPosition() {
    SparkError e = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseSchema("a int,\n b int c"));
    SchemaParsePosition p = assertInstanceOf(SchemaParsePosition.class, e.getCause());
    assertEquals(2, p.line());
    assertEquals(7, p.position());
    assertEquals("a int,\n b int c", p.command());
  }

  @Test
  void deepNestingFailsQuicklyWithoutExhaustingTheStack() {
    String deep = "a " + "array<".repeat(100_000) + "int" + ">".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      SparkError e = assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(deep));
      assertEquals("PARSE_SYNTAX_ERROR", e.errorClass());
    });
    String deepJson = "{\"type\":\"array\",\"elementType\":".repeat(5000) + "\"integer\""
        + ",\"containsNull\":true}".repeat(5000);
    assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(deepJson)));
  }

  @Test
  void moderatelyDeepNestingStillParses() {
    String nested = "a " + "array<".repeat(200) + "int" + ">".repeat(200);
    SparkType t = SchemaStringParser.parseSchema(nested).field(0).type();
    for (int i = 0; i < 200; i++) {
      t = ((SparkType.ArrayType) t).elementType();
    }
    assertEquals(SparkType.INT, t);
  }

  @Test
  void wideSchemasParseInLinearTime() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      b.append(i == 0 ? "" : ", ").append("c").append(i).append(" struct<x: int, y: string>");
    }
    assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertEquals(50_000, SchemaStringParser.parseSchema(b.toString()).size()));
  }

  @Test
  void sqlNamesMatchSparksErrorMessages() {
    assertEquals("STRUCT<col_0: INT, `a b`: ARRAY<MAP<STRING, DECIMAL(10,2)>> NOT NULL>",
        SchemaStringParser.parseType("struct<col_0 int, `a b`: array<map<string, decimal(10,2)"
            + ">> not null>").sql());
    assertTrue(SchemaStringParser.parseType("interval day to second").sql()
        .equals("INTERVAL DAY TO SECOND"));
  }

  /**
   * Observed on Spark 4.2.0 and 4.1.2 (schema-ddl-decimal-out-of-range): a CHAR or DECIMAL
   * parameter beyond an int fails the whole string with INVALID_SCHEMA.PARSE_ERROR, in any
   * reading and at any depth, also on a keyword that takes no parameters (INT(n)); the first
   * oversized parameter is named; a syntax error still wins; ddl_parse reports the plain
   * NumberFormatException.
   */
  @Test
  void typeParametersBeyondAnIntFailTheWholeString() {
    for (String schema : new String[] {"d DECIMAL(99999999999,0)", "decimal(99999999999,0)",
        "a ARRAY<DECIMAL(99999999999,0)>", "c CHAR(99999999999)", "a INT, d DECIMAL(99999999999,0)",
        "a DECIMAL(10,99999999999)", "d:decimal(99999999999,0)"}) {
      SparkError e = assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(schema));
      assertEquals("INVALID_SCHEMA.PARSE_ERROR", e.errorClass(), schema);
      assertEquals("42K07", e.sqlState(), schema);
      assertEquals("\"" + schema + "\"", e.messageParameters().get("inputSchema"), schema);
      assertEquals("For input string: \"99999999999\"", e.messageParameters().get("reason"),
          schema);
      assertEquals("org.apache.spark.sql.AnalysisException", e.reason(), schema);
    }
    SparkError first = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseSchema("a DECIMAL(88888888888,99999999999)"));
    assertEquals("For input string: \"88888888888\"", first.messageParameters().get("reason"));
    SparkError keyword = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseSchema("a INT(99999999999)"));
    assertEquals("INVALID_SCHEMA.PARSE_ERROR", keyword.errorClass());
    SparkError ddlParse = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseDdlOnly("a DECIMAL(99999999999,0)"));
    assertEquals(null, ddlParse.errorClass());
    assertEquals("java.lang.NumberFormatException", ddlParse.reason());
    assertEquals("For input string: \"99999999999\"", ddlParse.text());
    SparkError syntax = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseSchema("a DECIMAL(99999999999,0) x"));
    assertEquals("PARSE_SYNTAX_ERROR", syntax.errorClass());
  }
  @Test
  void timePrecisionBeyondAnIntFailsAsANumberLikeDecimal() {
    // Observed on Spark 4.1.2 and 4.2.0: INVALID_SCHEMA.PARSE_ERROR, not a precision error.
    SparkError e = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseSchema("a TIME(99999999999)"));
    assertEquals("INVALID_SCHEMA.PARSE_ERROR", e.errorClass());
    assertEquals("For input string: \"99999999999\"", e.messageParameters().get("reason"));
  }

  @Test
  void jsonTypeNameWithAParameterBeyondAnIntIsNoJsonReading() {
    // Observed: Spark then reports the DDL readings' failure at the first character.
    SparkError e = assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"char(99999999999)\","
            + "\"nullable\":true,\"metadata\":{}}]}"));
    assertEquals("PARSE_SYNTAX_ERROR", e.errorClass());
    assertEquals("'{'", e.messageParameters().get("error"));
  }

  @Test
  void parseErrorsCarrySparksLayoutWithLineAndPointer() {
    SparkError e = assertThrows(SparkError.class,
        () -> SchemaStringParser.parseSchema("a INT,\n  b INT FOO\nc INT"));
    SchemaParsePosition at = assertInstanceOf(SchemaParsePosition.class, e.getCause());
    assertEquals("\n[X] t SQLSTATE: 1 (line 2, pos 8)\n\n== SQL ==\na INT,\n  b INT FOO\n"
        + "--------^^^\nc INT\n", at.around("[X] t SQLSTATE: 1"));
  }

  @Test
  void parseErrorAfterTheLastNonEmptyLinePutsThePointerLast() {
    assertEquals("\nm (line 2, pos 0)\n\n== SQL ==\na INT,\n^^^\n",
        new SchemaParsePosition("a INT,\n", 2, 0).around("m"));
    assertEquals("m", new SchemaParsePosition("a /*", 0, 0).around("m"));
  }
  @Test
  void decimalLiteralsEndAsSparksLexerEndsThem() {
    // Observed on Spark 4.1.2 and 4.2.0: "1." is one literal; "1.5e" is no literal, so the
    // error names "1"; "1.5e3" is one literal.
    assertEquals("'1.'", syntaxErrorToken("a INT 1."));
    assertEquals("'1'", syntaxErrorToken("a DECIMAL(10,2) 1.5e"));
    assertEquals("'1.5e3'", syntaxErrorToken("a DECIMAL(1.5e3)"));
    assertEquals("'10.2'", syntaxErrorToken("a DECIMAL(10.2,2)"));
  }

  private static String syntaxErrorToken(String ddl) {
    SparkError e = assertThrows(SparkError.class, () -> SchemaStringParser.parseSchema(ddl));
    assertEquals("PARSE_SYNTAX_ERROR", e.errorClass(), ddl);
    return e.messageParameters().get("error");
  }
}
