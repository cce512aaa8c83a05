package dev.cclr.driver.sparkjvm;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Compares collected rows with the input, in order, and names the first difference.
 *
 * <p>Values are compared exactly (doubles bit for bit up to NaN canonicalisation, decimals with
 * their scale). Dates and timestamps are compared as {@code LocalDate} and {@code Instant},
 * because the client may hand back either the java.sql or the java.time class depending on a
 * session conf; which class it picks is not what this kit checks.
 */
final class RowComparison {

  private static final int MAX_VALUE_CHARS = 120;

  private RowComparison() {}

  /** Returns a description of the first difference, or null when both lists are equal. */
  static String firstDifference(StructType schema, List<Row> expected, List<Row> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int r = 0; r < common; r++) {
      String diff = rowDifference(schema, r, expected.get(r), actual.get(r));
      if (diff != null) {
        return diff;
      }
    }
    if (expected.size() != actual.size()) {
      return "row count: expected " + expected.size() + " but collected " + actual.size()
          + (expected.size() > actual.size()
              ? "; first missing row is index " + common
              : "; first extra row is index " + common + ": " + actual.get(common));
    }
    return null;
  }

  private static String rowDifference(StructType schema, int r, Row want, Row got) {
    if (got.length() != want.length()) {
      return "row " + r + ": expected " + want.length() + " columns but got " + got.length();
    }
    for (int c = 0; c < want.length(); c++) {
      Object w = want.get(c);
      Object g = got.get(c);
      if (!sameValue(w, g)) {
        String name = c < schema.fields().length ? schema.fields()[c].name() : "#" + c;
        return "row " + r + " column " + name + ": expected " + describe(w) + " but got " + describe(g);
      }
    }
    return null;
  }

  static boolean sameValue(Object want, Object got) {
    Object w = normalize(want);
    Object g = normalize(got);
    if (w instanceof byte[] wb && g instanceof byte[] gb) {
      return Arrays.equals(wb, gb);
    }
    return Objects.equals(w, g);
  }

  private static Object normalize(Object v) {
    if (v instanceof Date d) {
      return d.toLocalDate();
    }
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    return v;
  }

  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    String text = v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : String.valueOf(v);
    String shown = text.length() > MAX_VALUE_CHARS
        ? text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)"
        : text;
    return shown + " (" + v.getClass().getSimpleName() + ")";
  }
}
