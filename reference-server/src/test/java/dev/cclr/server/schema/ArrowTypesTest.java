package dev.cclr.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.server.errors.SparkError;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Arrow to Spark type mapping and its errors, as Spark 4.2.0 reported them. */
class ArrowTypesTest {

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of(new ArrowType.Int(8, false), "Int(8, false)"),
        Arguments.of(new ArrowType.Int(32, false), "Int(32, false)"),
        Arguments.of(new ArrowType.FloatingPoint(FloatingPointPrecision.HALF),
            "FloatingPoint(HALF)"),
        Arguments.of(new ArrowType.FixedSizeBinary(4), "FixedSizeBinary(4)"),
        Arguments.of(new ArrowType.Date(DateUnit.MILLISECOND), "Date(MILLISECOND)"),
        Arguments.of(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"),
            "Timestamp(MILLISECOND, UTC)"),
        Arguments.of(new ArrowType.Timestamp(TimeUnit.NANOSECOND, null),
            "Timestamp(NANOSECOND, null)"),
        Arguments.of(new ArrowType.Time(TimeUnit.MICROSECOND, 64), "Time(MICROSECOND, 64)"),
        Arguments.of(new ArrowType.Time(TimeUnit.MILLISECOND, 32), "Time(MILLISECOND, 32)"),
        Arguments.of(new ArrowType.Interval(IntervalUnit.DAY_TIME), "Interval(DAY_TIME)"),
        Arguments.of(new ArrowType.Duration(TimeUnit.MILLISECOND), "Duration(MILLISECOND)"),
        Arguments.of(ArrowType.LargeList.INSTANCE, "LargeList"),
        Arguments.of(new ArrowType.FixedSizeList(2), "FixedSizeList(2)"),
        Arguments.of(ArrowType.ListView.INSTANCE, "ListView"),
        Arguments.of(new ArrowType.Union(UnionMode.Sparse, new int[] {0}), "Union(Sparse, [0])"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unsupported")
  void unsupportedArrowTypesFailAsInSpark(ArrowType type, String name) {
    List<Field> children = type instanceof ArrowType.List || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.FixedSizeList || type instanceof ArrowType.ListView
        || type instanceof ArrowType.Union
        ? List.of(new Field("i", FieldType.nullable(new ArrowType.Int(32, true)), null))
        : null;
    SparkError e = assertThrows(SparkError.class,
        () -> ArrowTypes.fromArrowField(new Field("c", FieldType.nullable(type), children)));
    assertEquals("UNSUPPORTED_ARROWTYPE", e.errorClass());
    assertEquals("0A000", e.sqlState());
    assertEquals(Map.of("typeName", name), e.messageParameters());
    assertEquals("Unsupported arrow type " + name + ".", e.text());
    assertEquals("org.apache.spark.SparkUnsupportedOperationException", e.reason());
  }

  @Test
  void supportedTypesMapAsSparkMapsThem() {
    assertEquals(SparkType.BYTE, ArrowTypes.fromArrowType(new ArrowType.Int(8, true)));
    assertEquals(SparkType.TIMESTAMP, ArrowTypes.fromArrowType(
        new ArrowType.Timestamp(TimeUnit.MICROSECOND, "America/New_York")));
    assertEquals(SparkType.TIMESTAMP_NTZ,
        ArrowTypes.fromArrowType(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)));
    assertEquals(SparkType.DayTimeIntervalType.DEFAULT,
        ArrowTypes.fromArrowType(new ArrowType.Duration(TimeUnit.MICROSECOND)));
    assertEquals(SparkType.YearMonthIntervalType.DEFAULT,
        ArrowTypes.fromArrowType(new ArrowType.Interval(IntervalUnit.YEAR_MONTH)));
    assertEquals(SparkType.CALENDAR_INTERVAL,
        ArrowTypes.fromArrowType(new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)));
    assertEquals(new SparkType.TimeType(6),
        ArrowTypes.fromArrowType(new ArrowType.Time(TimeUnit.NANOSECOND, 64)));
    assertEquals(SparkType.STRING, ArrowTypes.fromArrowType(ArrowType.LargeUtf8.INSTANCE));
    assertEquals(SparkType.BINARY, ArrowTypes.fromArrowType(ArrowType.LargeBinary.INSTANCE));
    assertEquals(SparkType.NULL, ArrowTypes.fromArrowType(ArrowType.Null.INSTANCE));
  }

  @Test
  void decimalsBeyondSparksLimitsFail() {
    SparkError e = assertThrows(SparkError.class,
        () -> ArrowTypes.fromArrowType(new ArrowType.Decimal(39, 2, 128)));
    assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", e.errorClass());
    assertEquals(Map.of("precision", "39", "maxPrecision", "38"), e.messageParameters());
    Field d256 = new Field("d", FieldType.nullable(new ArrowType.Decimal(10, 2, 256)), null);
    assertEquals(new SparkType.DecimalType(10, 2), ArrowTypes.fromArrowField(d256));
    SparkError read = ArrowTypes.unreadableVector(d256);
    assertEquals("_LEGACY_ERROR_TEMP_3160", read.errorClass());
    assertNull(read.sqlState());
  }

  @Test
  void mapsWhoseEntriesAreNotKeyAndValueCannotBeRead() {
    Field odd = new Field("m", FieldType.nullable(new ArrowType.Map(true)), List.of(
        new Field("kv", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
            new Field("k", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
            new Field("v", FieldType.notNullable(new ArrowType.Int(32, true)), null)))));
    SparkError e = ArrowTypes.unreadableVector(odd);
    assertNull(e.errorClass());
    assertEquals("java.lang.NullPointerException", e.reason());
    assertEquals("Cannot invoke \"org.apache.arrow.vector.ValueVector.getField()\" because "
        + "\"vector\" is null", e.text());
  }

  @Test
  void resultLabelsDeduplicateNestedNamesOnly() {
    SparkType.StructType schema = SparkType.StructType.of(
        new StructField("x", SparkType.INT, true),
        new StructField("x", new SparkType.StructType(List.of(
            new StructField("a", SparkType.INT, true), new StructField("a", SparkType.STRING,
                false), new StructField("b", SparkType.DATE, true))), true));
    assertEquals("Schema<x: Int(32, true), x: Struct<a_0: Int(32, true), a_1: Utf8 not null, "
        + "b: Date(DAY)>>", ArrowTypes.toArrowSchema(schema, "UTC", false).toString());
  }
}
