package dev.cclr.driver.sparkjvm;

import static dev.cclr.driver.sparkjvm.ArrowFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkproject.org.apache.arrow.vector.BigIntVector;
import org.sparkproject.org.apache.arrow.vector.BitVector;
import org.sparkproject.org.apache.arrow.vector.DateDayVector;
import org.sparkproject.org.apache.arrow.vector.DecimalVector;
import org.sparkproject.org.apache.arrow.vector.Float4Vector;
import org.sparkproject.org.apache.arrow.vector.Float8Vector;
import org.sparkproject.org.apache.arrow.vector.IntVector;
import org.sparkproject.org.apache.arrow.vector.SmallIntVector;
import org.sparkproject.org.apache.arrow.vector.TimeStampMicroTZVector;
import org.sparkproject.org.apache.arrow.vector.TinyIntVector;
import org.sparkproject.org.apache.arrow.vector.VarBinaryVector;
import org.sparkproject.org.apache.arrow.vector.VarCharVector;
import org.sparkproject.org.apache.arrow.vector.VectorSchemaRoot;
import org.sparkproject.org.apache.arrow.vector.complex.ListVector;
import org.sparkproject.org.apache.arrow.vector.complex.StructVector;
import org.sparkproject.org.apache.arrow.vector.types.DateUnit;
import org.sparkproject.org.apache.arrow.vector.types.FloatingPointPrecision;
import org.sparkproject.org.apache.arrow.vector.types.TimeUnit;
import org.sparkproject.org.apache.arrow.vector.types.pojo.ArrowType;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Field;
import org.sparkproject.org.apache.arrow.vector.types.pojo.FieldType;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Schema;

/**
 * ArrowInput, ArrowOutput and ArrowSchemas without a server: files written with the plain (shaded)
 * Arrow API are read into rows, written back, and compared exactly.
 */
class ArrowConversionTest {

  private static final ArrowType UTC_MICROS = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
  private static final ArrowType DECIMAL_20_6 = new ArrowType.Decimal(20, 6, 128);

  // 0001-01-01 and a time on it: before 1582, where Spark rebases between calendars.
  private static final int DAY_ONE = (int) LocalDate.of(1, 1, 1).toEpochDay();
  private static final long MICROS_DAY_ONE = DAY_ONE * 86_400_000_000L + 123_456L;
  private static final long MICROS_2023 = 1_700_000_000_123_456L;

  /** Every type of the contract, nested ones included, with nullability that varies. */
  static final Schema ALL_TYPES = new Schema(List.of(
      Field.notNullable("id", new ArrowType.Int(64, true)),
      Field.nullable("i8", new ArrowType.Int(8, true)),
      Field.nullable("i16", new ArrowType.Int(16, true)),
      Field.nullable("i32", new ArrowType.Int(32, true)),
      Field.nullable("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      Field.nullable("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      Field.nullable("flag", ArrowType.Bool.INSTANCE),
      Field.nullable("名前", ArrowType.Utf8.INSTANCE),
      Field.nullable("bin", ArrowType.Binary.INSTANCE),
      Field.nullable("day", new ArrowType.Date(DateUnit.DAY)),
      Field.nullable("ts", UTC_MICROS),
      Field.nullable("amount", DECIMAL_20_6),
      list("ints", true, Field.nullable("element", new ArrowType.Int(32, true))),
      new Field("st", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
          Field.notNullable("a", new ArrowType.Int(64, true)),
          list("tags", true, Field.notNullable("element", ArrowType.Utf8.INSTANCE))))));

  private static Field list(String name, boolean nullable, Field element) {
    return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
  }

  static final StructType ALL_TYPES_SPARK = new StructType()
      .add("id", DataTypes.LongType, false)
      .add("i8", DataTypes.ByteType, true)
      .add("i16", DataTypes.ShortType, true)
      .add("i32", DataTypes.IntegerType, true)
      .add("f32", DataTypes.FloatType, true)
      .add("f64", DataTypes.DoubleType, true)
      .add("flag", DataTypes.BooleanType, true)
      .add("名前", DataTypes.StringType, true)
      .add("bin", DataTypes.BinaryType, true)
      .add("day", DataTypes.DateType, true)
      .add("ts", DataTypes.TimestampType, true)
      .add("amount", DataTypes.createDecimalType(20, 6), true)
      .add("ints", DataTypes.createArrayType(DataTypes.IntegerType, true), true)
      .add("st", new StructType()
          .add("a", DataTypes.LongType, false)
          .add("tags", DataTypes.createArrayType(DataTypes.StringType, false), true), true);

  /** The four rows {@link #fillAllTypes} writes, as ArrowInput should read them. */
  static List<Row> allTypesRows() {
    return ArrowFiles.rowsOf(
        RowFactory.create(0L, (byte) -128, (short) 32767, Integer.MIN_VALUE, Float.NaN, -0.0, true,
            "日本語 🙂", new byte[] {0, 1, -1}, SparkDates.toDate(DAY_ONE), SparkDates.toTimestamp(MICROS_DAY_ONE),
            new BigDecimal("12345678901234.567890"), Arrays.asList(1, null, 3),
            RowFactory.create(1L, List.of("x", ""))),
        RowFactory.create(1L, null, null, null, null, null, null, null, null, null, null, null, null, null),
        RowFactory.create(2L, (byte) 0, (short) -1, 0, -0.0f, Double.NaN, false, "", new byte[0],
            SparkDates.toDate(19_000), SparkDates.toTimestamp(MICROS_2023), new BigDecimal("-0.000001"),
            List.of(), RowFactory.create(-5L, null)),
        RowFactory.create(3L, (byte) 127, (short) -32768, Integer.MAX_VALUE, Float.POSITIVE_INFINITY,
            Double.MIN_VALUE, null, "γάμμα\u0000\t\n", null, null, SparkDates.toTimestamp(-1L),
            new BigDecimal("0.000000"), Arrays.asList((Integer) null), RowFactory.create(7L, List.of())));
  }

  static void fillAllTypes(VectorSchemaRoot root) {
    BigIntVector id = (BigIntVector) root.getVector("id");
    for (int r = 0; r < 4; r++) {
      id.setSafe(r, r);
    }
    TinyIntVector i8 = (TinyIntVector) root.getVector("i8");
    i8.setSafe(0, (byte) -128);
    i8.setNull(1);
    i8.setSafe(2, (byte) 0);
    i8.setSafe(3, (byte) 127);
    SmallIntVector i16 = (SmallIntVector) root.getVector("i16");
    i16.setSafe(0, (short) 32767);
    i16.setNull(1);
    i16.setSafe(2, (short) -1);
    i16.setSafe(3, (short) -32768);
    IntVector i32 = (IntVector) root.getVector("i32");
    i32.setSafe(0, Integer.MIN_VALUE);
    i32.setNull(1);
    i32.setSafe(2, 0);
    i32.setSafe(3, Integer.MAX_VALUE);
    Float4Vector f32 = (Float4Vector) root.getVector("f32");
    f32.setSafe(0, Float.NaN);
    f32.setNull(1);
    f32.setSafe(2, -0.0f);
    f32.setSafe(3, Float.POSITIVE_INFINITY);
    Float8Vector f64 = (Float8Vector) root.getVector("f64");
    f64.setSafe(0, -0.0);
    f64.setNull(1);
    f64.setSafe(2, Double.NaN);
    f64.setSafe(3, Double.MIN_VALUE);
    BitVector flag = (BitVector) root.getVector("flag");
    flag.setSafe(0, 1);
    flag.setNull(1);
    flag.setSafe(2, 0);
    flag.setNull(3);
    VarCharVector text = (VarCharVector) root.getVector("名前");
    text.setSafe(0, utf8("日本語 🙂"));
    text.setNull(1);
    text.setSafe(2, utf8(""));
    text.setSafe(3, utf8("γάμμα\u0000\t\n"));
    VarBinaryVector bin = (VarBinaryVector) root.getVector("bin");
    bin.setSafe(0, new byte[] {0, 1, -1});
    bin.setNull(1);
    bin.setSafe(2, new byte[0]);
    bin.setNull(3);
    DateDayVector day = (DateDayVector) root.getVector("day");
    day.setSafe(0, DAY_ONE);
    day.setNull(1);
    day.setSafe(2, 19_000);
    day.setNull(3);
    TimeStampMicroTZVector ts = (TimeStampMicroTZVector) root.getVector("ts");
    ts.setSafe(0, MICROS_DAY_ONE);
    ts.setNull(1);
    ts.setSafe(2, MICROS_2023);
    ts.setSafe(3, -1L);
    DecimalVector amount = (DecimalVector) root.getVector("amount");
    amount.setSafe(0, new BigDecimal("12345678901234.567890"));
    amount.setNull(1);
    amount.setSafe(2, new BigDecimal("-0.000001"));
    amount.setSafe(3, new BigDecimal("0.000000"));

    ListVector ints = (ListVector) root.getVector("ints");
    IntVector intElements = (IntVector) ints.getDataVector();
    int start = ints.startNewValue(0);
    intElements.setSafe(start, 1);
    intElements.setNull(start + 1);
    intElements.setSafe(start + 2, 3);
    ints.endValue(0, 3);
    ints.setNull(1);
    ints.startNewValue(2);
    ints.endValue(2, 0);
    start = ints.startNewValue(3);
    intElements.setNull(start);
    ints.endValue(3, 1);

    StructVector st = (StructVector) root.getVector("st");
    BigIntVector a = (BigIntVector) st.getChild("a");
    ListVector tags = (ListVector) st.getChild("tags");
    VarCharVector tagElements = (VarCharVector) tags.getDataVector();
    st.setIndexDefined(0);
    a.setSafe(0, 1L);
    start = tags.startNewValue(0);
    tagElements.setSafe(start, utf8("x"));
    tagElements.setSafe(start + 1, utf8(""));
    tags.endValue(0, 2);
    st.setNull(1);
    a.setNull(1);
    tags.setNull(1);
    st.setIndexDefined(2);
    a.setSafe(2, -5L);
    tags.setNull(2);
    st.setIndexDefined(3);
    a.setSafe(3, 7L);
    tags.startNewValue(3);
    tags.endValue(3, 0);
    root.setRowCount(4);
  }

  @Test
  void readsEveryContractTypeWithItsNullability(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in.arrow");
    ArrowFiles.write(file, ALL_TYPES, ArrowConversionTest::fillAllTypes);

    LocalData data = ArrowInput.read(file);

    assertEquals(ALL_TYPES_SPARK, data.schema());
    assertNull(ArrowFiles.firstDifference(allTypesRows(), data.rows()));
    // The classes createDataFrame accepts: java.sql dates and timestamps, lists for arrays.
    Row first = data.rows().get(0);
    assertInstanceOf(Date.class, first.get(9));
    assertInstanceOf(Timestamp.class, first.get(10));
    assertInstanceOf(List.class, first.get(12));
    assertInstanceOf(Row.class, first.get(13));
    assertEquals(6, ((BigDecimal) first.get(11)).scale());
    assertEquals(DAY_ONE, SparkDates.toDays(first.get(9)));
    assertEquals(MICROS_DAY_ONE, SparkDates.toMicros(first.get(10)));
  }

  @Test
  void roundTripThroughArrowOutputKeepsTypesAndBits(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.arrow");
    Path out = dir.resolve("out.arrow");
    ArrowFiles.write(in, ALL_TYPES, ArrowConversionTest::fillAllTypes);

    ArrowOutput.write(ArrowInput.read(in), out);

    // Same Arrow schema (the input already uses Spark's list element name) and equal vectors.
    assertEquals(ALL_TYPES, ArrowFiles.readRaw(out).schema());
    assertTrue(ArrowFiles.sameContent(in, out));
    assertNull(ArrowFiles.firstDifference(allTypesRows(), ArrowInput.read(out).rows()));
  }

  @Test
  void readsSeveralBatchesInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in.arrow");
    ArrowFiles.write(file, ALL_TYPES, ArrowConversionTest::fillAllTypes, ArrowConversionTest::fillAllTypes);
    List<Row> twice = new ArrayList<>(allTypesRows());
    twice.addAll(allTypesRows());
    assertNull(ArrowFiles.firstDifference(twice, ArrowInput.read(file).rows()));
  }

  @Test
  void writesWhatCollectHandsBack(@TempDir Path dir) throws Exception {
    // collect returns Scala sequences for arrays; with the java.time API on, LocalDate and Instant.
    StructType schema = new StructType()
        .add("day", DataTypes.DateType)
        .add("ts", DataTypes.TimestampType)
        .add("nested", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, true), true));
    Row row = RowFactory.create(LocalDate.of(2024, 2, 29), Instant.parse("2024-02-29T23:59:59.999999Z"),
        scala.jdk.javaapi.CollectionConverters.asScala(
            Arrays.<Object>asList(scalaSeq(1.5, null, Double.NaN), null, new Object[] {-0.0})).toSeq());
    Path out = dir.resolve("out.arrow");

    ArrowOutput.write(new LocalData(schema, List.of(row)), out);

    Row back = ArrowInput.read(out).rows().get(0);
    assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), SparkDates.toDays(back.get(0)));
    assertEquals(1_709_251_199_999_999L, SparkDates.toMicros(back.get(1)));
    assertNull(ArrowFiles.firstDifference(List.of(row), List.of(back)));
    assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
        ArrowFiles.readRaw(out).schema().findField("ts").getType());
  }

  private static Object scalaSeq(Object... values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(values)).toSeq();
  }

  @Test
  void splitsLargeOutputsIntoBatches(@TempDir Path dir) throws Exception {
    int n = ArrowOutput.BATCH_ROWS * 2 + 17;
    List<Row> rows = new ArrayList<>();
    List<Row> sample = allTypesRows();
    for (int i = 0; i < n; i++) {
      Object[] values = new Object[sample.get(0).length()];
      Row from = sample.get(i % sample.size());
      for (int c = 0; c < values.length; c++) {
        values[c] = from.get(c);
      }
      values[0] = (long) i;
      rows.add(RowFactory.create(values));
    }
    Path out = dir.resolve("out.arrow");

    ArrowOutput.write(new LocalData(ALL_TYPES_SPARK, rows), out);

    ArrowFiles.RawFile raw = ArrowFiles.readRaw(out);
    assertEquals(3, raw.batches());
    assertEquals(n, raw.rows());
    assertNull(ArrowFiles.firstDifference(rows, ArrowInput.read(out).rows()));
  }

  @Test
  void emptyInputIsASchemaWithoutRows(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.arrow");
    Path out = dir.resolve("out.arrow");
    ArrowFiles.write(in, ALL_TYPES);

    LocalData data = ArrowInput.read(in);
    ArrowOutput.write(data, out);

    assertEquals(ALL_TYPES_SPARK, data.schema());
    assertTrue(data.rows().isEmpty());
    assertEquals(new ArrowFiles.RawFile(ALL_TYPES, 0, 0), ArrowFiles.readRaw(out));
  }

  @Test
  void typesOutsideTheContractAreRefused(@TempDir Path dir) throws Exception {
    for (ArrowType type : List.of(new ArrowType.Int(32, false), ArrowType.LargeUtf8.INSTANCE,
        new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"),
        new ArrowType.Date(DateUnit.MILLISECOND), new ArrowType.Decimal(10, 2, 256))) {
      Path file = dir.resolve("t" + type.getTypeID() + System.nanoTime() + ".arrow");
      ArrowFiles.write(file, new Schema(List.of(Field.nullable("c", type))));
      assertThrows(ArrowSchemas.UnsupportedTypeException.class, () -> ArrowInput.read(file), type.toString());
    }
    StructType map = new StructType().add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));
    assertThrows(ArrowSchemas.UnsupportedTypeException.class, () -> ArrowSchemas.toArrow(map));
  }
}
