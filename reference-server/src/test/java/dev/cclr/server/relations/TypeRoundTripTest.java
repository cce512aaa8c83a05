package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every Arrow type Spark reads comes back value for value (without a schema), uncompressed and
 * compressed, with Spark's result labels: timestamps in the session zone, large strings and
 * binaries as regular ones, list children named "element", maps as entries/key/value.
 */
class TypeRoundTripTest extends PlannerTestBase {

  private static final Schema ALL_TYPES = Ipc.schema(
      Ipc.field("bool", true, ArrowType.Bool.INSTANCE),
      Ipc.field("i8", true, new ArrowType.Int(8, true)),
      Ipc.field("i16", true, new ArrowType.Int(16, true)),
      Ipc.field("i32", false, new ArrowType.Int(32, true)),
      Ipc.field("i64", true, new ArrowType.Int(64, true)),
      Ipc.field("f32", true, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      Ipc.field("f64", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      Ipc.field("dec", true, new ArrowType.Decimal(38, 10, 128)),
      Ipc.field("str", true, ArrowType.Utf8.INSTANCE),
      Ipc.field("lstr", true, ArrowType.LargeUtf8.INSTANCE),
      Ipc.field("bin", true, ArrowType.Binary.INSTANCE),
      Ipc.field("lbin", true, ArrowType.LargeBinary.INSTANCE),
      Ipc.field("date", true, new ArrowType.Date(DateUnit.DAY)),
      Ipc.field("ts", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "America/New_York")),
      Ipc.field("ntz", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
      Ipc.field("ym", true, new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
      Ipc.field("dt", true, new ArrowType.Duration(TimeUnit.MICROSECOND)),
      Ipc.field("cal", true, new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)),
      Ipc.field("nul", true, ArrowType.Null.INSTANCE),
      Ipc.field("list", true, ArrowType.List.INSTANCE,
          Ipc.field("item", true, new ArrowType.Int(32, true))),
      Ipc.field("struct", true, ArrowType.Struct.INSTANCE,
          Ipc.field("a", false, new ArrowType.Int(32, true)),
          Ipc.field("b", true, ArrowType.Utf8.INSTANCE)),
      Ipc.field("map", true, new ArrowType.Map(true),
          Ipc.field("entries", false, ArrowType.Struct.INSTANCE,
              Ipc.field("key", false, ArrowType.Utf8.INSTANCE),
              Ipc.field("value", true, new ArrowType.Int(64, true)))));

  private static final String SPARK_LABELS = "Schema<bool: Bool, i8: Int(8, true), "
      + "i16: Int(16, true), i32: Int(32, true) not null, i64: Int(64, true), "
      + "f32: FloatingPoint(SINGLE), f64: FloatingPoint(DOUBLE), dec: Decimal(38, 10, 128), "
      + "str: Utf8, lstr: Utf8, bin: Binary, lbin: Binary, date: Date(DAY), "
      + "ts: Timestamp(MICROSECOND, Etc/UTC), ntz: Timestamp(MICROSECOND, null), "
      + "ym: Interval(YEAR_MONTH), dt: Duration(MICROSECOND), cal: Interval(MONTH_DAY_NANO), "
      + "nul: Null, list: List<element: Int(32, true)>, "
      + "struct: Struct<a: Int(32, true) not null, b: Utf8>, "
      + "map: Map(false)<entries: Struct<key: Utf8 not null, value: Int(64, true)> not null>>";

  /** Four rows: extremes, special values, empties, and a row of nulls (where allowed). */
  private static void fill(VectorSchemaRoot root) {
    float[] floats = {Float.NaN, Float.POSITIVE_INFINITY, -0.0f};
    double[] doubles = {Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
    String[] strings = {"héllo ✓ 😀", "", "\u0000nul"};
    byte[][] bins = {{0, (byte) 0xFF}, {}, {1}};
    BigDecimal[] decimals = {new BigDecimal("9999999999999999999999999999.9999999999"),
        new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0E-10")};
    for (int r = 0; r < 3; r++) {
      ((BitVector) root.getVector("bool")).setSafe(r, r % 2);
      ((TinyIntVector) root.getVector("i8")).setSafe(r, r == 0 ? Byte.MIN_VALUE : Byte.MAX_VALUE);
      ((SmallIntVector) root.getVector("i16")).setSafe(r, r == 0 ? Short.MIN_VALUE : r);
      ((BigIntVector) root.getVector("i64")).setSafe(r, r == 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
      ((Float4Vector) root.getVector("f32")).setSafe(r, floats[r]);
      ((Float8Vector) root.getVector("f64")).setSafe(r, doubles[r]);
      ((DecimalVector) root.getVector("dec")).setSafe(r, decimals[r]);
      ((VarCharVector) root.getVector("str")).setSafe(r, strings[r].getBytes(StandardCharsets.UTF_8));
      ((LargeVarCharVector) root.getVector("lstr"))
          .setSafe(r, strings[2 - r].getBytes(StandardCharsets.UTF_8));
      ((VarBinaryVector) root.getVector("bin")).setSafe(r, bins[r]);
      ((LargeVarBinaryVector) root.getVector("lbin")).setSafe(r, bins[2 - r]);
      ((DateDayVector) root.getVector("date")).setSafe(r, r == 0 ? -719162 : 2932896);
      ((TimeStampMicroTZVector) root.getVector("ts")).setSafe(r, r == 0 ? -1L : 1700000000123456L);
      ((TimeStampMicroVector) root.getVector("ntz")).setSafe(r, r == 0 ? 0L : 253402300799999999L);
      ((IntervalYearVector) root.getVector("ym")).setSafe(r, r == 0 ? -13 : Integer.MAX_VALUE);
      ((DurationVector) root.getVector("dt")).setSafe(r, r == 0 ? -1L : Long.MAX_VALUE);
      ((IntervalMonthDayNanoVector) root.getVector("cal")).setSafe(r, r, -r, r * 1000L);
    }
    for (int r = 0; r < 4; r++) {
      ((IntVector) root.getVector("i32")).setSafe(r, r == 0 ? Integer.MIN_VALUE : r);
    }
    ListVector list = (ListVector) root.getVector("list");
    UnionListWriter lw = list.getWriter();
    lw.setPosition(0);
    lw.startList();
    lw.writeInt(1);
    lw.writeNull();
    lw.writeInt(3);
    lw.endList();
    lw.setPosition(1);
    lw.startList();
    lw.endList();
    lw.setPosition(2);
    lw.startList();
    lw.writeInt(-1);
    lw.endList();
    StructVector struct = (StructVector) root.getVector("struct");
    IntVector a = (IntVector) struct.getChild("a");
    VarCharVector b = (VarCharVector) struct.getChild("b");
    for (int r = 0; r < 3; r++) {
      struct.setIndexDefined(r);
      a.setSafe(r, r * 10);
      if (r != 1) {
        b.setSafe(r, ("b" + r).getBytes(StandardCharsets.UTF_8));
      }
    }
    a.setSafe(3, 0);
    MapVector map = (MapVector) root.getVector("map");
    UnionMapWriter mw = map.getWriter();
    for (int r = 0; r < 2; r++) {
      mw.setPosition(r);
      mw.startMap();
      for (int e = 0; e <= r; e++) {
        mw.startEntry();
        byte[] key = ("k" + e).getBytes(StandardCharsets.UTF_8);
        try (ArrowBuf buf = root.getVector("map").getAllocator().buffer(key.length)) {
          buf.setBytes(0, key);
          mw.key().varChar().writeVarChar(0, key.length, buf);
        }
        if (e == 1) {
          mw.value().bigInt().writeNull();
        } else {
          mw.value().bigInt().writeBigInt(e);
        }
        mw.endEntry();
      }
      mw.endMap();
    }
    root.setRowCount(4);
    for (FieldVector v : root.getFieldVectors()) {
      v.setValueCount(4);
    }
  }

  private List<List<Object>> expectedRows(byte[] stream) {
    List<List<Object>> expected = new ArrayList<>();
    try (var reader = new org.apache.arrow.vector.ipc.ArrowStreamReader(
        new java.io.ByteArrayInputStream(stream), allocator,
        org.apache.arrow.compression.CommonsCompressionFactory.INSTANCE)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector v : root.getFieldVectors()) {
            row.add(ResultRows.comparable(v.getObject(r)));
          }
          expected.add(row);
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return expected;
  }

  @ParameterizedTest
  @EnumSource(value = CompressionUtil.CodecType.class)
  void everyTypeRoundTripsExactly(CompressionUtil.CodecType codec) {
    byte[] stream = Ipc.stream(allocator, ALL_TYPES, codec, TypeRoundTripTest::fill,
        root -> root.setRowCount(0));
    blobs.put("all", stream);
    List<List<Object>> expected = expectedRows(stream);
    try (RelationResult result = planner.plan(chunked(null, "all", "all"), context)) {
      assertEquals(SPARK_LABELS, result.arrowSchema().toString());
      List<List<Object>> actual = ResultRows.drain(result);
      List<List<Object>> twice = new ArrayList<>(expected);
      twice.addAll(expected);
      assertEquals(twice.toString(), actual.toString());
    }
  }

  @Test
  void largeVarTypesAndTheSessionZoneLabelTheResult() {
    blobs.put("all", Ipc.stream(allocator, ALL_TYPES, TypeRoundTripTest::fill));
    context.largeVarTypes = true;
    context.timeZone = "Asia/Kolkata";
    try (RelationResult result = planner.plan(chunked(null, "all"), context)) {
      String labels = result.arrowSchema().toString();
      assertTrue(labels.contains("str: LargeUtf8, lstr: LargeUtf8, bin: LargeBinary, "
          + "lbin: LargeBinary"), labels);
      assertTrue(labels.contains("ts: Timestamp(MICROSECOND, Asia/Kolkata)"), labels);
      assertEquals(4, ResultRows.drain(result).size());
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionUtil.CodecType.class, names = {"ZSTD", "LZ4_FRAME"})
  void compressedStreamsWithEmptyBuffersDecode(CompressionUtil.CodecType codec) {
    Schema schema = Ipc.schema(Ipc.field("s", true, ArrowType.Utf8.INSTANCE),
        Ipc.field("n", true, new ArrowType.Int(32, true)));
    byte[] stream = Ipc.stream(allocator, schema, codec,
        root -> root.setRowCount(0),
        root -> {
          ((VarCharVector) root.getVector(0)).setSafe(0, new byte[0]);
          ((VarCharVector) root.getVector(0)).setSafe(1, new byte[0]);
          ((IntVector) root.getVector(1)).setNull(0);
          ((IntVector) root.getVector(1)).setNull(1);
          root.setRowCount(2);
        });
    blobs.put("c", stream);
    assertEquals("[[, null], [, null]]", rows(chunked(null, "c")).toString());
  }

  @Test
  void calendarIntervalNanosecondsAreTruncatedToMicroseconds() {
    Schema schema = Ipc.schema(
        Ipc.field("c", true, new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)));
    blobs.put("c", Ipc.stream(allocator, schema, root -> {
      ((IntervalMonthDayNanoVector) root.getVector(0)).setSafe(0, 1, 2, 1500L);
      ((IntervalMonthDayNanoVector) root.getVector(0)).setSafe(1, -1, -2, -999L);
      root.setRowCount(2);
    }));
    assertEquals("[[P1M2D PT0.000001S], [P-1M-2D PT0S]]", rows(chunked(null, "c")).toString());
  }

  @Test
  void passThroughColumnsAreNotCopied() {
    int n = 1 << 20;
    Schema schema = Ipc.schema(Ipc.field("x", false, new ArrowType.Int(64, true)));
    blobs.put("big", Ipc.stream(allocator, schema, root -> {
      BigIntVector v = (BigIntVector) root.getVector(0);
      for (int i = 0; i < n; i++) {
        v.setSafe(i, i);
      }
      root.setRowCount(n);
    }));
    long before = allocator.getAllocatedMemory();
    try (RelationResult result = planner.plan(chunked(null, "big"), context)) {
      VectorSchemaRoot batch = result.nextBatch();
      assertEquals(n, batch.getRowCount());
      long held = allocator.getAllocatedMemory() - before;
      // The IPC body (8 MiB of values plus validity) sits in one pooled 16 MiB block that
      // the result shares; a copy of the values would take at least 8 MiB more.
      assertTrue(held <= 16L << 20, "held " + held + " bytes for " + (8L * n));
      assertEquals((long) n - 1, ((BigIntVector) batch.getVector(0)).get(n - 1));
    }
  }
}
