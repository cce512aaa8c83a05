package dev.cclr.driver.sparkjvm;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the deterministic dataset a {@link DatasetSpec} describes.
 *
 * <p>Each row's values come from a random generator seeded by (seed, source row) alone, so a row
 * can be rebuilt without the rows before it, and the identical run is just "use the run's first
 * row as the source". The column types cover what a local relation has to carry faithfully:
 * fixed and variable width, nulls, doubles with special values, dates, microsecond timestamps,
 * decimals, binary and non-ASCII text.
 */
final class DatasetGenerator {

  /** Only {@code id} and {@code payload} are never null; payload fixes the size of a row. */
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType, false)
      .add("payload", DataTypes.StringType, false)
      .add("label", DataTypes.StringType, true)
      .add("n", DataTypes.IntegerType, true)
      .add("x", DataTypes.DoubleType, true)
      .add("flag", DataTypes.BooleanType, true)
      .add("day", DataTypes.DateType, true)
      .add("ts", DataTypes.TimestampType, true)
      .add("amount", DataTypes.createDecimalType(18, 6), true)
      .add("bytes", DataTypes.BinaryType, true);

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // Multi-byte UTF-8, an empty string and control characters: text a serializer can get wrong.
  private static final String[] LABELS = {
    "alpha", "bêta", "γάμμα", "日本語", "emoji 🙂", "", "tab\tand\nnewline", "plain"
  };

  // Doubles whose bit patterns a lossy path would change.
  private static final double[] SPECIAL_DOUBLES = {
    Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE, Double.MAX_VALUE
  };

  private static final long DAYS_1970_TO_2100 = LocalDate.of(2100, 1, 1).toEpochDay();
  private static final long SECONDS_1970_TO_2100 = DAYS_1970_TO_2100 * 86_400L;

  private DatasetGenerator() {}

  static List<Row> rows(DatasetSpec spec) {
    List<Row> rows = new ArrayList<>(spec.rows());
    Row runRow = null;
    for (int i = 0; i < spec.rows(); i++) {
      int source = spec.sourceRow(i);
      if (source != i) {
        // Share the run's Row instance: identical content, and no extra memory for long runs.
        rows.add(runRow);
        continue;
      }
      Row row = row(spec, source);
      if (i == spec.identicalRunStart()) {
        runRow = row;
      }
      rows.add(row);
    }
    return rows;
  }

  static Row row(DatasetSpec spec, int source) {
    SplittableRandom rnd = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + source);
    double nulls = spec.nullFraction();
    return RowFactory.create(
        (long) source,
        payload(rnd, source, spec.payloadBytes()),
        isNull(rnd, nulls) ? null : LABELS[rnd.nextInt(LABELS.length)],
        isNull(rnd, nulls) ? null : rnd.nextInt(),
        isNull(rnd, nulls) ? null : doubleValue(rnd, source),
        isNull(rnd, nulls) ? null : rnd.nextBoolean(),
        isNull(rnd, nulls) ? null : Date.valueOf(LocalDate.ofEpochDay(rnd.nextLong(DAYS_1970_TO_2100))),
        isNull(rnd, nulls) ? null : Timestamp.from(instant(rnd)),
        isNull(rnd, nulls) ? null : BigDecimal.valueOf(rnd.nextLong(-999_999_999_999L, 1_000_000_000_000L), 6),
        isNull(rnd, nulls) ? null : bytes(rnd));
  }

  // The decision is drawn even when nullFraction is 0, so values do not shift with the fraction.
  private static boolean isNull(SplittableRandom rnd, double fraction) {
    return rnd.nextDouble() < fraction;
  }

  private static String payload(SplittableRandom rnd, int source, int length) {
    StringBuilder sb = new StringBuilder(length);
    String prefix = "row-" + source + ":";
    sb.append(prefix, 0, Math.min(prefix.length(), length));
    while (sb.length() < length) {
      sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static double doubleValue(SplittableRandom rnd, int source) {
    double regular = rnd.nextDouble(-1e6, 1e6);
    return source % 97 == 0 ? SPECIAL_DOUBLES[(source / 97) % SPECIAL_DOUBLES.length] : regular;
  }

  // Microsecond precision: Spark's timestamp type holds no more.
  private static Instant instant(SplittableRandom rnd) {
    return Instant.ofEpochSecond(rnd.nextLong(SECONDS_1970_TO_2100), rnd.nextInt(1_000_000) * 1_000L);
  }

  private static byte[] bytes(SplittableRandom rnd) {
    byte[] b = new byte[rnd.nextInt(17)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) rnd.nextInt(256);
    }
    return b;
  }
}
