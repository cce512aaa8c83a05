package dev.cclr.driver.sparkjvm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * The parity driver's values: scenario JSON to the Java objects {@code createDataFrame(List<Row>,
 * StructType)} accepts (by the field's type), and collected values to canonical JSON (the tagged
 * text of the PySpark runner: {@code float:}, {@code decimal:}, {@code date:}, {@code ts:}, {@code
 * bytes:}), so that NaN, -0.0 and decimal scale survive the comparison.
 */
final class ParityValues {

  private ParityValues() {}

  static List<Row> rows(List<?> rows, StructType schema) {
    List<Row> out = new ArrayList<>();
    for (Object r : rows) {
      List<?> values = (List<?>) r;
      if (values.size() != schema.fields().length) {
        // Spark's client would fail somewhere inside the encoder; a scenario this wrong is the file's mistake.
        throw new IllegalArgumentException("row " + values + " has " + values.size() + " values for " + schema.simpleString());
      }
      Object[] cells = new Object[values.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = toJava(values.get(i), schema.fields()[i].dataType());
      }
      out.add(RowFactory.create(cells));
    }
    return out;
  }

  private static Object toJava(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof IntegerType) {
      return ((Number) v).intValue();
    }
    if (type instanceof LongType) {
      return ((Number) v).longValue();
    }
    if (type instanceof DoubleType) {
      return v instanceof String s ? Double.valueOf(s) : ((Number) v).doubleValue();  // "NaN", "-Infinity"
    }
    if (type instanceof DecimalType) {
      return new BigDecimal(v.toString());
    }
    if (type instanceof DateType) {
      return SparkDates.toDate(Math.toIntExact(LocalDate.parse((String) v).toEpochDay()));
    }
    if (type instanceof BinaryType) {
      return HexFormat.of().parseHex((String) v);
    }
    if (type instanceof StringType || type instanceof BooleanType) {
      return v;
    }
    throw new IllegalArgumentException("the parity driver takes no values of type " + type.simpleString());
  }

  static Object canon(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Byte) {
      return v;
    }
    if (v instanceof Double || v instanceof Float) {
      return "float:" + v;
    }
    if (v instanceof BigDecimal d) {
      return "decimal:" + d.toPlainString();
    }
    if (v instanceof java.sql.Date || v instanceof LocalDate) {
      return "date:" + LocalDate.ofEpochDay(SparkDates.toDays(v));
    }
    if (v instanceof java.sql.Timestamp || v instanceof java.time.Instant) {
      return "ts-micros:" + SparkDates.toMicros(v);
    }
    if (v instanceof byte[] b) {
      return "bytes:" + HexFormat.of().formatHex(b);
    }
    if (v instanceof Row row) {
      List<Object> cells = new ArrayList<>();
      String[] names = row.schema() == null ? null : row.schema().fieldNames();
      for (int i = 0; i < row.length(); i++) {
        cells.add(names == null ? canon(row.get(i)) : Arrays.asList(names[i], canon(row.get(i))));
      }
      return Map.of("row", cells);
    }
    if (v instanceof scala.collection.Iterable<?> it) {
      List<Object> items = new ArrayList<>();
      for (scala.collection.Iterator<?> i = it.iterator(); i.hasNext(); ) {
        items.add(canon(i.next()));
      }
      return items;
    }
    return "repr:" + v;
  }
}
