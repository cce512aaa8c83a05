package dev.cclr.driver.sparkjvm;

import java.sql.Date;
import java.sql.Timestamp;
import org.apache.spark.sql.catalyst.util.SparkDateTimeUtils$;

/**
 * Days and microseconds since the epoch to and from the Java objects the client's rows carry.
 *
 * <p>{@code createDataFrame(List<Row>, StructType)} only accepts {@code java.sql.Date} and {@code
 * java.sql.Timestamp} for DATE and TIMESTAMP (the client's row encoder is not lenient and the
 * java.time API is off unless configured; a {@code LocalDate} fails with a ClassCastException), and
 * collect hands back the same classes. Spark turns those into days and microseconds with a
 * rebase between the hybrid Julian and the proleptic Gregorian calendar in the JVM's default zone.
 * Using Spark's own functions (both in 4.1.x and 4.2.x, object {@code SparkDateTimeUtils} of
 * spark-sql-api, inside the client jar) makes our conversion the exact inverse of the client's,
 * for dates before 1582 too.
 */
final class SparkDates {

  private SparkDates() {}

  static Date toDate(int days) {
    return SparkDateTimeUtils$.MODULE$.toJavaDate(days);
  }

  static Timestamp toTimestamp(long micros) {
    return SparkDateTimeUtils$.MODULE$.toJavaTimestamp(micros);
  }

  /** Accepts {@code java.sql.Date} and {@code java.time.LocalDate}. */
  static int toDays(Object date) {
    return SparkDateTimeUtils$.MODULE$.anyToDays(date);
  }

  /** Accepts {@code java.sql.Timestamp} and {@code java.time.Instant}. */
  static long toMicros(Object timestamp) {
    return SparkDateTimeUtils$.MODULE$.anyToMicros(timestamp);
  }
}
