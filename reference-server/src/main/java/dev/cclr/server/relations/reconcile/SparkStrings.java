package dev.cclr.server.relations.reconcile;

import dev.cclr.server.schema.SparkType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders leaf values as Spark's ANSI cast to STRING does (observed on Spark 4.2.0): Java's
 * float/double text ("1.0E7", "NaN"), plain decimals, "yyyy-MM-dd" dates, timestamps in the
 * session time zone with trailing fractional zeros dropped, ANSI interval literals such as
 * {@code INTERVAL '-1-1' YEAR TO MONTH}, calendar intervals as
 * "1 years 2 months 3 days 0.000001 seconds".
 */
final class SparkStrings {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private SparkStrings() {}

  /** The UTF-8 bytes of the value rendered as a string of the given source type. */
  static byte[] format(SparkType from, Object value, ZoneId zone) {
    return text(from, value, zone).getBytes(StandardCharsets.UTF_8);
  }

  static String text(SparkType from, Object value, ZoneId zone) {
    if (from instanceof SparkType.StringType) {
      return new String((byte[]) value, StandardCharsets.UTF_8);
    }
    if (from instanceof SparkType.BinaryType) {
      // Spark reinterprets the bytes as UTF-8; malformed sequences come out as U+FFFD.
      return new String((byte[]) value, StandardCharsets.UTF_8);
    }
    if (from instanceof SparkType.BooleanType) {
      return value.toString();
    }
    if (from instanceof SparkType.FloatType || from instanceof SparkType.DoubleType) {
      return value.toString();
    }
    if (from instanceof SparkType.NumericType && value instanceof Long l) {
      return Long.toString(l);
    }
    if (from instanceof SparkType.DecimalType) {
      return ((BigDecimal) value).toPlainString();
    }
    if (from instanceof SparkType.DateType) {
      return LocalDate.ofEpochDay((Integer) value).format(DATE);
    }
    if (from instanceof SparkType.TimestampType) {
      return localDateTime((Long) value, zone);
    }
    if (from instanceof SparkType.TimestampNtzType) {
      return localDateTime((Long) value, ZoneOffset.UTC);
    }
    if (from instanceof SparkType.YearMonthIntervalType t) {
      return yearMonth((Integer) value, t);
    }
    if (from instanceof SparkType.DayTimeIntervalType t) {
      return dayTime((Long) value, t);
    }
    if (from instanceof SparkType.CalendarIntervalType) {
      return calendar((CalendarValue) value);
    }
    if (from instanceof SparkType.TimeType) {
      long nanos = (Long) value;
      LocalTime t = LocalTime.ofNanoOfDay(Math.floorMod(nanos, 86_400_000_000_000L));
      return t.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + fraction(t.getNano() / 1000);
    }
    throw new IllegalArgumentException("no string form for " + from.sql());
  }

  private static String localDateTime(long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int microOfSecond = (int) Math.floorMod(micros, MICROS_PER_SECOND);
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone);
    return t.format(DATE_TIME) + fraction(microOfSecond);
  }

  /** ".123456" with trailing zeros removed, or nothing for a whole second. */
  private static String fraction(int micros) {
    if (micros == 0) {
      return "";
    }
    String digits = String.format("%06d", micros);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return "." + digits.substring(0, end);
  }

  private static String yearMonth(int months, SparkType.YearMonthIntervalType t) {
    long abs = Math.abs((long) months);
    String sign = months < 0 ? "-" : "";
    String body;
    if (t.startField() == t.endField()) {
      body = sign + (t.startField() == SparkType.YearMonthIntervalType.YEAR ? abs / 12 : abs);
    } else {
      body = sign + (abs / 12) + "-" + (abs % 12);
    }
    return "INTERVAL '" + body + "' " + fields(t.sql());
  }

  private static String dayTime(long micros, SparkType.DayTimeIntervalType t) {
    String sign = micros < 0 ? "-" : "";
    // Long.MIN_VALUE has no positive counterpart; BigDecimal keeps the arithmetic exact.
    BigDecimal abs = BigDecimal.valueOf(micros).abs();
    long rest = abs.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : abs.longValue();
    int start = t.startField();
    int end = t.endField();
    long[] units = {MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};
    StringBuilder b = new StringBuilder(sign);
    long leading = rest / units[start];
    if (start == SparkType.DayTimeIntervalType.SECOND) {
      b.append(seconds(rest, false));
    } else {
      b.append(leading);
      rest %= units[start];
      for (int f = start + 1; f <= end; f++) {
        b.append(f == SparkType.DayTimeIntervalType.HOUR ? " " : ":");
        if (f == SparkType.DayTimeIntervalType.SECOND) {
          b.append(seconds(rest, true));
        } else {
          b.append(String.format("%02d", rest / units[f]));
          rest %= units[f];
        }
      }
    }
    return "INTERVAL '" + b + "' " + fields(t.sql());
  }

  private static String seconds(long micros, boolean pad) {
    String s = BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    return pad && micros < 10 * MICROS_PER_SECOND ? "0" + s : s;
  }

  private static String fields(String intervalSql) {
    return intervalSql.substring("INTERVAL ".length());
  }

  private static String calendar(CalendarValue c) {
    if (c.months() == 0 && c.days() == 0 && c.micros() == 0) {
      return "0 seconds";
    }
    StringBuilder b = new StringBuilder();
    // Spark splits the months into whole years and the rest (observed on 4.2.0 and 4.1.2: 14
    // months print as "1 years 2 months", -1 month as "-1 months").
    unit(b, c.months() / 12, "years");
    unit(b, c.months() % 12, "months");
    unit(b, c.days(), "days");
    if (c.micros() != 0) {
      long rest = c.micros();
      unit(b, rest / MICROS_PER_HOUR, "hours");
      rest %= MICROS_PER_HOUR;
      unit(b, rest / MICROS_PER_MINUTE, "minutes");
      rest %= MICROS_PER_MINUTE;
      if (rest != 0) {
        b.append(BigDecimal.valueOf(rest, 6).stripTrailingZeros().toPlainString())
            .append(" seconds ");
      }
    }
    return b.substring(0, b.length() - 1);
  }

  private static void unit(StringBuilder b, long value, String unit) {
    if (value != 0) {
      b.append(value).append(' ').append(unit).append(' ');
    }
  }
}
