package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.TextFormat;
import dev.cclr.server.errors.SparkError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/**
 * A schema applied to chunked data: renaming by position, ANSI store-assignment casts and
 * nullability, with the values and errors Spark 4.2.0 produced for the same inputs.
 */
class SchemaApplicationTest extends PlannerTestBase {

  private byte[] numbers() {
    return Ipc.stream(allocator, Ipc.schema(
        Ipc.field("i", true, new ArrowType.Int(32, true)),
        Ipc.field("dbl", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        Ipc.field("dec", true, new ArrowType.Decimal(38, 10, 128)),
        Ipc.field("ts", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
        Ipc.field("dt", true, new ArrowType.Date(DateUnit.DAY)),
        Ipc.field("s", true, ArrowType.Utf8.INSTANCE),
        Ipc.field("f", true, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        Ipc.field("bool", true, ArrowType.Bool.INSTANCE),
        Ipc.field("l", true, new ArrowType.Int(64, true))), root -> {
          ((IntVector) root.getVector(0)).setSafe(0, 100);
          ((IntVector) root.getVector(0)).setSafe(1, -7);
          ((Float8Vector) root.getVector(1)).setSafe(0, 2.5);
          ((Float8Vector) root.getVector(1)).setSafe(1, -2.5);
          ((DecimalVector) root.getVector(2)).setSafe(0, new BigDecimal("123.4567890123"));
          ((DecimalVector) root.getVector(2)).setSafe(1, new BigDecimal("-0.5000000000"));
          ((TimeStampMicroTZVector) root.getVector(3)).setSafe(0, 1700000000123456L);
          ((TimeStampMicroTZVector) root.getVector(3)).setSafe(1, -86400000001L);
          ((DateDayVector) root.getVector(4)).setSafe(0, 19000);
          ((DateDayVector) root.getVector(4)).setSafe(1, -1);
          ((VarCharVector) root.getVector(5)).setSafe(0, "abc".getBytes());
          ((Float4Vector) root.getVector(6)).setSafe(0, 0.1f);
          ((Float4Vector) root.getVector(6)).setSafe(1, 1.0E7f);
          ((BitVector) root.getVector(7)).setSafe(0, 1);
          ((BigIntVector) root.getVector(8)).setSafe(0, Long.MIN_VALUE);
          ((BigIntVector) root.getVector(8)).setSafe(1, 123456789012L);
          root.setRowCount(2);
        });
  }

  private List<List<Object>> apply(String schema, byte[] data) {
    blobs.put("s", schema).put("d", data);
    return rows(chunked("s", "d"));
  }

  private SparkError applyError(String schema, byte[] data) {
    blobs.put("s", schema).put("d", data);
    return error(chunked("s", "d"));
  }

  @Test
  void castsAsSparkDoesInUtcAndNewYork() {
    // Spark 4.2.0 ("ts->date, dt->ts" probe, session zone America/New_York).
    context.timeZone = "America/New_York";
    List<List<Object>> rows = apply("i int, dbl double, dec decimal(38,10), ts date, "
        + "dt timestamp_ntz, s string, f double, bool boolean, l double", numbers());
    assertEquals("[[100, 2.5, 123.4567890123, 19675, 2022-01-08T00:00, abc, 0.10000000149011612, "
        + "true, -9.223372036854776E18], [-7, -2.5, -0.5000000000, -2, 1969-12-31T00:00, null, "
        + "1.0E7, null, 1.23456789012E11]]", rows.toString());
  }

  @Test
  void narrowingAndFloatingCastsMatchSpark() {
    // Spark 4.2.0 ("f->float exact, dbl->float" and "dec->bigint" probes).
    assertEquals("[[100.0, 2.5, 123.45679, 1700000000123456, 19000, abc, 0.10000000149011612, "
        + "true, -9.223372E18], [-7.0, -2.5, -0.5, -86400000001, -1, null, 1.0E7, null, "
        + "1.23456791E11]]", apply("i float, dbl float, dec float, ts timestamp, dt date, "
        + "s string, f double, bool boolean, l float", numbers()).toString());
    blobs.put("s2", "i tinyint, dbl double, dec bigint, ts timestamp, dt date, s string, "
        + "f float, bool boolean, l bigint");
    assertEquals("[[100, 2.5, 123, 1700000000123456, 19000, abc, 0.1, true, "
        + "-9223372036854775808], [-7, -2.5, 0, -86400000001, -1, null, 1.0E7, null, "
        + "123456789012]]", rows(chunked("s2", "d")).toString());
  }

  @Test
  void everyAtomicTypeCastsToStringAsSparkPrintsIt() {
    byte[] data = Ipc.stream(allocator, Ipc.schema(
        Ipc.field("f4", true, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        Ipc.field("f8", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        Ipc.field("dec", true, new ArrowType.Decimal(38, 10, 128)),
        Ipc.field("s", true, ArrowType.Utf8.INSTANCE),
        Ipc.field("bin", true, ArrowType.Binary.INSTANCE),
        Ipc.field("d", true, new ArrowType.Date(DateUnit.DAY)),
        Ipc.field("ts", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "America/New_York")),
        Ipc.field("ntz", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
        Ipc.field("ym", true, new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
        Ipc.field("dt", true, new ArrowType.Duration(TimeUnit.MICROSECOND)),
        Ipc.field("ci", true, new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)),
        Ipc.field("b", true, ArrowType.Bool.INSTANCE)), root -> {
          float[] fs = {Float.NaN, Float.POSITIVE_INFINITY, -0.0f, 1.5f};
          double[] ds = {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e300};
          for (int i = 0; i < 4; i++) {
            ((Float4Vector) root.getVector(0)).setSafe(i, fs[i]);
            ((Float8Vector) root.getVector(1)).setSafe(i, ds[i]);
          }
          ((DecimalVector) root.getVector(2))
              .setSafe(0, new BigDecimal("9999999999999999999999999999.9999999999"));
          ((DecimalVector) root.getVector(2)).setSafe(1, new BigDecimal("-0.0000000001"));
          ((VarCharVector) root.getVector(3))
              .setSafe(0, "héllo ✓ 😀".getBytes(StandardCharsets.UTF_8));
          ((VarCharVector) root.getVector(3)).setSafe(1, new byte[0]);
          ((VarBinaryVector) root.getVector(4)).setSafe(0, new byte[] {0, (byte) 0xff});
          ((VarBinaryVector) root.getVector(4)).setSafe(1, new byte[0]);
          ((DateDayVector) root.getVector(5)).setSafe(0, -719162);
          ((DateDayVector) root.getVector(5)).setSafe(1, 2932896);
          ((TimeStampMicroTZVector) root.getVector(6)).setSafe(0, -1L);
          ((TimeStampMicroTZVector) root.getVector(6)).setSafe(1, 1700000000123456L);
          ((TimeStampMicroVector) root.getVector(7)).setSafe(0, 0L);
          ((TimeStampMicroVector) root.getVector(7)).setSafe(1, 253402300799999999L);
          ((IntervalYearVector) root.getVector(8)).setSafe(0, -13);
          ((IntervalYearVector) root.getVector(8)).setSafe(1, Integer.MAX_VALUE);
          ((DurationVector) root.getVector(9)).setSafe(0, -1L);
          ((DurationVector) root.getVector(9)).setSafe(1, Long.MAX_VALUE);
          ((IntervalMonthDayNanoVector) root.getVector(10)).setSafe(0, 1, 2, 1500L);
          ((IntervalMonthDayNanoVector) root.getVector(10)).setSafe(1, -1, -2, -999L);
          ((BitVector) root.getVector(11)).setSafe(0, 1);
          ((BitVector) root.getVector(11)).setSafe(1, 0);
          root.setRowCount(4);
        });
    List<List<Object>> rows = apply("a string, b string, c string, d string, e string, "
        + "f string, g string, h string, i string, j string, k string, l string", data);
    // As Spark 4.2.0 printed them ("primitives to strings" probe, session zone UTC).
    assertEquals(List.of("NaN", "NaN", "9999999999999999999999999999.9999999999",
        "héllo ✓ 😀", "\u0000\uFFFD", "0001-01-01", "1969-12-31 23:59:59.999999",
        "1970-01-01 00:00:00", "INTERVAL '-1-1' YEAR TO MONTH",
        "INTERVAL '-0 00:00:00.000001' DAY TO SECOND", "1 months 2 days 0.000001 seconds",
        "true"), strings(rows.get(0)));
    assertEquals(List.of("Infinity", "-Infinity", "-0.0000000001", "", "", "9999-12-31",
        "2023-11-14 22:13:20.123456", "9999-12-31 23:59:59.999999",
        "INTERVAL '178956970-7' YEAR TO MONTH",
        "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND", "-1 months -2 days", "false"),
        strings(rows.get(1)));
    assertEquals("[-0.0, -0.0, null, null, null, null, null, null, null, null, null, null]",
        rows.get(2).toString());
    assertEquals("1.5", rows.get(3).get(0).toString());
    assertEquals("1.0E300", rows.get(3).get(1).toString());
  }

  private static List<String> strings(List<Object> row) {
    return row.stream().map(String::valueOf).toList();
  }

  @Test
  void overflowingCastsFailWithSparksParameters() {
    SparkError e = applyError("i int, dbl int, dec int, ts timestamp, dt date, s string, "
        + "f boolean, bool boolean, l int", numbers());
    // f is FLOAT->BOOLEAN: refused before any value is read.
    assertEquals("INVALID_COLUMN_OR_FIELD_DATA_TYPE", e.errorClass());
    e = applyError("i int, dbl int, dec int, ts timestamp, dt date, s string, f int, "
        + "bool boolean, l int", numbers());
    assertError(e, "CAST_OVERFLOW", "22003", Map.of("value", "-9223372036854775808L",
        "sourceType", "\"BIGINT\"", "targetType", "\"INT\"",
        "ansiConfig", "\"spark.sql.ansi.enabled\""),
        "The value -9223372036854775808L of the type \"BIGINT\" cannot be cast to \"INT\" due "
            + "to an overflow. Use `try_cast` to tolerate overflow and return NULL instead.");
    assertEquals("org.apache.spark.SparkArithmeticException", e.reason());
  }

  @Test
  void decimalOverflowReportsTheSourceValue() {
    SparkError e = applyError("i decimal(2,0), dbl double, dec decimal(38,10), ts timestamp, "
        + "dt date, s string, f float, bool boolean, l bigint", numbers());
    assertError(e, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003",
        Map.of("value", "100", "precision", "2", "scale", "0",
            "config", "\"spark.sql.ansi.enabled\""),
        " 100 cannot be represented as Decimal(2, 0). If necessary set "
            + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL "
            + "instead.");
    e = applyError("i int, dbl double, dec decimal(4,2), ts timestamp, dt date, s string, "
        + "f float, bool boolean, l bigint", numbers());
    assertEquals("123.4567890123", e.messageParameters().get("value"));
    // The first failing value in row order: row 1's FLOAT 1.0E7 into DECIMAL(10,5).
    e = applyError("i int, dbl decimal(3,1), dec decimal(5,2), ts timestamp, dt date, "
        + "s string, f decimal(10,5), bool boolean, l decimal(20,0)", numbers());
    assertEquals(Map.of("value", "10000000", "precision", "10", "scale", "5",
        "config", "\"spark.sql.ansi.enabled\""), e.messageParameters());
  }

  @Test
  void disallowedAssignmentsNameThePositionalColumn() {
    for (String[] c : new String[][] {
        {"i int, dbl double, dec double, ts timestamp, dt date, s binary, f float, bool boolean, "
            + "l bigint", "`col_5`", "\"STRING\"", "\"BINARY\""},
        {"i int, dbl double, dec double, ts timestamp, dt date, s string, f float, bool int, "
            + "l bigint", "`col_7`", "\"BOOLEAN\"", "\"INT\""},
        {"i int, dbl double, dec double, ts bigint, dt date, s string, f float, bool boolean, "
            + "l bigint", "`col_3`", "\"TIMESTAMP\"", "\"BIGINT\""},
        {"i timestamp, dbl double, dec double, ts timestamp, dt date, s string, f float, "
            + "bool boolean, l bigint", "`col_0`", "\"INT\"", "\"TIMESTAMP\""},
        {"i interval day, dbl double, dec double, ts timestamp, dt date, s string, f float, "
            + "bool boolean, l bigint", "`col_0`", "\"INT\"", "\"INTERVAL DAY\""}}) {
      SparkError e = applyError(c[0], numbers());
      assertError(e, "INVALID_COLUMN_OR_FIELD_DATA_TYPE", "42000",
          Map.of("name", c[1], "type", c[2], "expectedType", c[3]),
          "Column or field " + c[1] + " is of type " + c[2] + " while it's required to be "
              + c[3] + ".");
      assertEquals("org.apache.spark.sql.AnalysisException", e.reason());
    }
  }

  @Test
  void arityMismatchCountsSchemaFieldsAsExpressions() {
    byte[] one = Ipc.ints(allocator, "x", true, 1, 2, 3);
    assertError(applyError("a int, b int", one), "ASSIGNMENT_ARITY_MISMATCH", "42802",
        Map.of("numExpr", "2", "numTarget", "1"), "The number of columns or variables assigned "
            + "or aliased: 1 does not match the number of source expressions: 2.");
  }

  @Test
  void emptyOrBlankSchemaBlobMeansNoSchema() {
    // SRV-SCH-007 (Spark instead parses "" as an empty struct and fails with arity 0).
    byte[] one = Ipc.ints(allocator, "x", true, 1, 2, 3);
    assertEquals(3, apply("", one).size());
    assertEquals(3, apply(" \n\t ", one).size());
  }

  @Test
  void nonNullableSchemaOverNullableDataIsRefused() {
    SparkError e = applyError("a int not null", Ipc.ints(allocator, "x", true, 1));
    assertError(e, "NULLABLE_COLUMN_OR_FIELD", "42000", Map.of("name", "`col_0`"),
        "Column or field `col_0` is nullable while it's required to be non-nullable.");
  }

  @Test
  void resultNullabilityIsTheSchemas() {
    blobs.put("s", "a int, b bigint not null").put("d", Ipc.stream(allocator, Ipc.schema(
        Ipc.field("x", false, new ArrowType.Int(32, true)),
        Ipc.field("y", false, new ArrowType.Int(32, true))), root -> {
          ((IntVector) root.getVector(0)).setSafe(0, 1);
          ((IntVector) root.getVector(1)).setSafe(0, 2);
          root.setRowCount(1);
        }));
    try (RelationResult result = planner.plan(chunked("s", "d"), context)) {
      assertEquals("Schema<a: Int(32, true), b: Int(64, true) not null>",
          result.arrowSchema().toString());
      assertEquals("struct { fields { name: \"a\" data_type { integer { } } nullable: true } "
          + "fields { name: \"b\" data_type { long { } } } }",
          TextFormat.printer().emittingSingleLine(true).printToString(result.sparkSchema()));
      assertEquals("[[1, 2]]", ResultRows.drain(result).toString());
    }
  }

  @Test
  void charAndVarcharAreRefusedInASchema() {
    SparkError e = applyError("a varchar(3)", Ipc.ints(allocator, "x", true, 1));
    assertError(e, "UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING", "0A000", Map.of(),
        "The char/varchar type can't be used in the table schema.\nIf you want Spark treat them "
            + "as string type as same as Spark 3.0 and earlier, please set "
            + "\"spark.sql.legacy.charVarcharAsString\" to \"true\".");
  }

  @Test
  void aNonStructSchemaIsOneColumnNamedValue() {
    byte[] data = Ipc.ints(allocator, "x", true, 1, 2, 3);
    for (String schema : List.of("int", "\"integer\"")) {
      blobs.put("s", schema).put("d", data);
      try (RelationResult result = planner.plan(chunked("s", "d"), context)) {
        assertEquals("Schema<value: Int(32, true)>", result.arrowSchema().toString());
        assertEquals(3, ResultRows.drain(result).size());
      }
    }
  }

  @Test
  void anUnparsableSchemaIsAParseError() {
    SparkError e = applyError("not a schema!!!", Ipc.ints(allocator, "x", true, 1));
    assertError(e, "PARSE_SYNTAX_ERROR", "42601", Map.of("error", "'schema'", "hint", ""),
        "Syntax error at or near 'schema'.");
    assertEquals("org.apache.spark.sql.catalyst.parser.ParseException", e.reason());
  }

  private byte[] nested() {
    return Ipc.stream(allocator, Ipc.schema(
        Ipc.field("l", true, ArrowType.List.INSTANCE,
            Ipc.field("item", true, new ArrowType.Int(32, true))),
        Ipc.field("st", true, ArrowType.Struct.INSTANCE,
            Ipc.field("x", true, new ArrowType.Int(32, true)),
            Ipc.field("y", true, ArrowType.Utf8.INSTANCE))), root -> {
              ListVector l = (ListVector) root.getVector(0);
              UnionListWriter w = l.getWriter();
              w.setPosition(0);
              w.startList();
              w.writeInt(1);
              w.writeNull();
              w.writeInt(3);
              w.endList();
              w.setPosition(1);
              w.startList();
              w.endList();
              l.setNull(2);
              StructVector st = (StructVector) root.getVector(1);
              st.setIndexDefined(0);
              ((IntVector) st.getChild("x")).setSafe(0, 5);
              ((VarCharVector) st.getChild("y")).setNull(0);
              st.setNull(1);
              st.setIndexDefined(2);
              ((IntVector) st.getChild("x")).setSafe(2, 6);
              ((VarCharVector) st.getChild("y")).setSafe(2, "z".getBytes());
              root.setRowCount(3);
              l.setValueCount(3);
              st.setValueCount(3);
            });
  }

  @Test
  void nestedFieldsAreMatchedByPositionFilledAndDropped() {
    // Spark 4.2.0: renamed, fewer (dropped) and more (null-filled) struct fields.
    assertEquals("[[[1, null, 3], {\"a\":5}], [[], null], [null, {\"a\":6,\"b\":\"z\"}]]",
        apply("l array<int>, st struct<a: int, b: string>", nested()).toString());
    assertEquals("[[[1, null, 3], {\"a\":5}], [[], null], [null, {\"a\":6}]]",
        apply("l array<int>, st struct<a: int>", nested()).toString());
    assertEquals("[[[1, null, 3], {\"a\":5}], [[], null], [null, {\"a\":6,\"b\":\"z\"}]]",
        apply("l array<int>, st struct<a: int, b: string, c: int>", nested()).toString());
    assertEquals("[[[1, null, 3], {\"a\":\"5\"}], [[], null], [null, {\"a\":\"6\",\"b\":\"z\"}]]",
        apply("l array<bigint>, st struct<a: string, b: string>", nested()).toString());
  }

  @Test
  void nestedErrorsUsePositionalPaths() {
    assertError(applyError("l array<int>, st struct<a: int, b: string, c: int not null>",
        nested()), "UNRESOLVED_FIELD.WITH_SUGGESTION", "42703",
        Map.of("fieldName", "`col_2`", "columnPath", "`col_1`",
            "proposal", "`col_0`, `col_1`"),
        "A field with name `col_2` cannot be resolved with the struct-type column `col_1`. Did "
            + "you mean one of the following? [`col_0`, `col_1`].");
    assertError(applyError("{\"type\":\"struct\",\"fields\":[{\"name\":\"l\",\"type\":"
        + "{\"type\":\"array\",\"elementType\":\"integer\",\"containsNull\":false},"
        + "\"nullable\":true},{\"name\":\"st\",\"type\":\"string\"}]}", nested()),
        "NOT_NULL_CONSTRAINT_VIOLATION.ARRAY_ELEMENT", "42000", Map.of("columnPath", "`col_0`"),
        "Assigning a NULL is not allowed here. The array `col_0` is defined to contain only "
            + "elements that are NOT NULL.");
    assertEquals(Map.of("name", "`col_1`.`col_0`"),
        applyError("l array<int>, st struct<a: int not null, b: string>", nested())
            .messageParameters());
    assertEquals(Map.of("name", "`col_0`.`element`", "type", "\"INT\"",
        "expectedType", "\"BINARY\""),
        applyError("l array<binary>, st struct<a: int, b: int>", nested())
            .messageParameters());
    assertEquals(Map.of("name", "`col_0`", "type", "\"ARRAY<INT>\"",
        "expectedType", "\"STRING\""),
        applyError("l string, st string", nested()).messageParameters());
  }

  @Test
  void castErrorsComeFromNextBatchAfterTheSchemaIsKnown() {
    blobs.put("s", "a tinyint").put("d", Ipc.ints(allocator, "x", true, 1, 1000));
    try (RelationResult result = planner.plan(chunked("s", "d"), context)) {
      assertEquals("Schema<a: Int(8, true)>", result.arrowSchema().toString());
      SparkError e = assertThrows(SparkError.class, result::nextBatch);
      assertEquals(Map.of("value", "1000", "sourceType", "\"INT\"", "targetType", "\"TINYINT\"",
          "ansiConfig", "\"spark.sql.ansi.enabled\""), e.messageParameters());
    }
  }

  @Test
  void decodingUpFrontRaisesDataErrorsAtPlanningTime() {
    planner = new ReferenceRelationPlanner(new PlannerOptions(true, 1L << 30));
    blobs.put("s", "a tinyint").put("d", Ipc.ints(allocator, "x", true, 1, 1000));
    assertEquals("CAST_OVERFLOW", planningError(chunked("s", "d")).errorClass());
    byte[] ok = Ipc.ints(allocator, "x", true, 1, 2, 3);
    blobs.put("cut", java.util.Arrays.copyOf(ok, ok.length - 20));
    assertEquals("Unexpected end of input trying to read batch.",
        planningError(chunked(null, "cut")).text());
    blobs.put("ok", ok);
    assertEquals("[[1], [2], [3]]", rows(chunked(null, "ok")).toString());
  }

  @Test
  void moreObservedCastsAndErrors() {
    // Spark 4.2.0 probe P7: NaN into a decimal is null, the other overflows name their values.
    byte[] data = Ipc.stream(allocator, Ipc.schema(
        Ipc.field("d", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        Ipc.field("dec", true, new ArrowType.Decimal(20, 2, 128)),
        Ipc.field("big", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))),
        root -> {
          ((Float8Vector) root.getVector(0)).setSafe(0, Double.NaN);
          ((DecimalVector) root.getVector(1)).setSafe(0, new BigDecimal("12345678901234.56"));
          ((Float8Vector) root.getVector(2)).setSafe(0, 2.5E10);
          root.setRowCount(1);
        });
    assertEquals("[[null, 12345678901234.56, 2.49999995E10]]",
        apply("d decimal(10,2), dec decimal(20,2), big float", data).toString());
    assertEquals(Map.of("value", "12345678901234.56BD", "sourceType", "\"DECIMAL(20,2)\"",
        "targetType", "\"INT\"", "ansiConfig", "\"spark.sql.ansi.enabled\""),
        applyError("d double, dec int, big double", data).messageParameters());
    assertEquals("2.5E10D",
        applyError("d double, dec decimal(20,2), big int", data).messageParameters().get("value"));
    assertEquals("NaN",
        applyError("d int, dec decimal(20,2), big double", data).messageParameters().get("value"));
  }

  @Test
  void datesAndTimestampsFarFromTodayPrintAsSparkPrintsThem() {
    byte[] data = Ipc.stream(allocator, Ipc.schema(
        Ipc.field("d", true, new ArrowType.Date(DateUnit.DAY)),
        Ipc.field("t", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))), root -> {
          ((DateDayVector) root.getVector(0)).setSafe(0, -800000);
          ((DateDayVector) root.getVector(0)).setSafe(1, 3000000);
          ((TimeStampMicroTZVector) root.getVector(1)).setSafe(0, -70000000000000000L);
          ((TimeStampMicroTZVector) root.getVector(1)).setSafe(1, 260000000000000000L);
          root.setRowCount(2);
        });
    assertEquals("[[-0221-09-04, -0249-10-15 19:33:20], [+10183-09-21, +10209-01-27 06:13:20]]",
        apply("d string, t string", data).toString());
  }

  @Test
  void moreObservedAnalysisErrors() {
    byte[] map = Ipc.stream(allocator, Ipc.schema(Ipc.field("m", true, new ArrowType.Map(false),
        Ipc.field("entries", false, ArrowType.Struct.INSTANCE,
            Ipc.field("key", false, ArrowType.Utf8.INSTANCE),
            Ipc.field("value", true, new ArrowType.Int(32, true))))), root -> root.setRowCount(1));
    assertError(applyError("{\"type\":\"struct\",\"fields\":[{\"name\":\"m\",\"type\":"
        + "{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"integer\","
        + "\"valueContainsNull\":false},\"nullable\":true}]}", map),
        "NOT_NULL_CONSTRAINT_VIOLATION.MAP_VALUE", "42000", Map.of("columnPath", "`col_0`"),
        "Assigning a NULL is not allowed here. The map `col_0` is defined to contain only values "
            + "that are NOT NULL.");
    byte[] struct = Ipc.stream(allocator, Ipc.schema(Ipc.field("s", true,
        ArrowType.Struct.INSTANCE, Ipc.field("x", true, new ArrowType.Int(32, true)))),
        root -> root.setRowCount(1));
    assertEquals("\"STRUCT<col_0: INT>\"",
        applyError("s int", struct).messageParameters().get("type"));
    assertEquals("\"STRUCT<col_0: INT>\"", applyError("s struct<a: int>",
        Ipc.ints(allocator, "x", true, 1)).messageParameters().get("expectedType"));
    // Every field is proposed, in order (Spark 4.2.0 with 12 fields).
    org.apache.arrow.vector.types.pojo.Field[] fields =
        new org.apache.arrow.vector.types.pojo.Field[12];
    StringBuilder schema = new StringBuilder("s struct<");
    for (int i = 0; i < 12; i++) {
      fields[i] = Ipc.field("f" + i, true, new ArrowType.Int(32, true));
      schema.append("a").append(i).append(": int, ");
    }
    byte[] wide = Ipc.stream(allocator, Ipc.schema(Ipc.field("s", true,
        ArrowType.Struct.INSTANCE, fields)), root -> root.setRowCount(1));
    assertEquals("`col_0`, `col_1`, `col_2`, `col_3`, `col_4`, `col_5`, `col_6`, `col_7`, "
        + "`col_8`, `col_9`, `col_10`, `col_11`", applyError(schema + "z: int not null>", wide)
        .messageParameters().get("proposal"));
  }
}
