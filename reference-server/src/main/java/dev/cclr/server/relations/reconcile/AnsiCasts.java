package dev.cclr.server.relations.reconcile;

import dev.cclr.server.schema.SparkType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Spark's store-assignment casts in ANSI mode (what {@code Dataset.to(schema)} applies):
 * which pairs of types may be assigned ({@link #canStoreAssign}) and the value conversions,
 * with Spark's overflow errors (CAST_OVERFLOW, NUMERIC_VALUE_OUT_OF_RANGE).
 */
final class AnsiCasts {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private AnsiCasts() {}

  /** Spark's Cast.canANSIStoreAssign for leaf (non-nested) types. */
  static boolean canStoreAssign(SparkType from, SparkType to) {
    if (from.equals(to) || from instanceof SparkType.NullType) {
      return true;
    }
    if (from instanceof SparkType.NumericType && to instanceof SparkType.NumericType) {
      return true;
    }
    if (to instanceof SparkType.StringType
        && (from.isAtomic() || from instanceof SparkType.CalendarIntervalType)) {
      return true;
    }
    return from.isDatetime() && to.isDatetime() && !(from instanceof SparkType.TimeType)
        && !(to instanceof SparkType.TimeType);
  }

  /** The value conversion for an assignable pair; null when the values stay as they are. */
  static CastFunction cast(SparkType from, SparkType to, ZoneId zone) {
    if (from instanceof SparkType.StringType && to instanceof SparkType.StringType) {
      return null;
    }
    if (to instanceof SparkType.StringType) {
      return v -> SparkStrings.format(from, v, zone);
    }
    if (from.equals(to)) {
      return null;
    }
    if (from instanceof SparkType.NumericType && to instanceof SparkType.NumericType) {
      return numeric(from, to);
    }
    if (from.isDatetime() && to.isDatetime()) {
      return datetime(from, to, zone);
    }
    throw new IllegalArgumentException("no cast from " + from.sql() + " to " + to.sql());
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  private static boolean isIntegral(SparkType t) {
    return t instanceof SparkType.ByteType || t instanceof SparkType.ShortType
        || t instanceof SparkType.IntegerType || t instanceof SparkType.LongType;
  }

  private static long min(SparkType t) {
    if (t instanceof SparkType.ByteType) {
      return Byte.MIN_VALUE;
    }
    if (t instanceof SparkType.ShortType) {
      return Short.MIN_VALUE;
    }
    return t instanceof SparkType.IntegerType ? Integer.MIN_VALUE : Long.MIN_VALUE;
  }

  private static long max(SparkType t) {
    if (t instanceof SparkType.ByteType) {
      return Byte.MAX_VALUE;
    }
    if (t instanceof SparkType.ShortType) {
      return Short.MAX_VALUE;
    }
    return t instanceof SparkType.IntegerType ? Integer.MAX_VALUE : Long.MAX_VALUE;
  }

  private static CastFunction numeric(SparkType from, SparkType to) {
    if (isIntegral(from)) {
      if (isIntegral(to)) {
        long lo = min(to);
        long hi = max(to);
        return v -> {
          long l = (Long) v;
          if (l < lo || l > hi) {
            throw ReconcileErrors.castOverflow(literal(from, v), from, to);
          }
          return l;
        };
      }
      if (to instanceof SparkType.FloatType) {
        return v -> (float) (long) (Long) v;
      }
      if (to instanceof SparkType.DoubleType) {
        return v -> (double) (long) (Long) v;
      }
      SparkType.DecimalType d = (SparkType.DecimalType) to;
      return v -> toDecimal(BigDecimal.valueOf((Long) v), d);
    }
    if (from instanceof SparkType.FloatType || from instanceof SparkType.DoubleType) {
      boolean single = from instanceof SparkType.FloatType;
      if (isIntegral(to)) {
        double lo = min(to);
        double hi = max(to);
        return v -> {
          double d = single ? (double) (Float) v : (Double) v;
          if (!(Math.floor(d) <= hi && Math.ceil(d) >= lo)) {
            throw ReconcileErrors.castOverflow(literal(from, v), from, to);
          }
          return to instanceof SparkType.LongType ? (long) d : (long) (int) d;
        };
      }
      if (to instanceof SparkType.FloatType) {
        return v -> (float) (double) (Double) v;
      }
      if (to instanceof SparkType.DoubleType) {
        return v -> (double) (float) (Float) v;
      }
      SparkType.DecimalType d = (SparkType.DecimalType) to;
      return v -> {
        double x = single ? (double) (Float) v : (Double) v;
        if (Double.isNaN(x) || Double.isInfinite(x)) {
          // Spark 4.2.0 gives null here even under ANSI (observed).
          return null;
        }
        BigDecimal b = new BigDecimal(Double.toString(x));
        return toDecimal(b.scale() < 0 ? b.setScale(0) : b, d);
      };
    }
    // from decimal
    if (isIntegral(to)) {
      BigInteger lo = BigInteger.valueOf(min(to));
      BigInteger hi = BigInteger.valueOf(max(to));
      return v -> {
        BigInteger i = ((BigDecimal) v).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        if (i.compareTo(lo) < 0 || i.compareTo(hi) > 0) {
          throw ReconcileErrors.castOverflow(literal(from, v), from, to);
        }
        return i.longValue();
      };
    }
    if (to instanceof SparkType.FloatType) {
      return v -> ((BigDecimal) v).floatValue();
    }
    if (to instanceof SparkType.DoubleType) {
      return v -> ((BigDecimal) v).doubleValue();
    }
    SparkType.DecimalType d = (SparkType.DecimalType) to;
    return v -> toDecimal((BigDecimal) v, d);
  }

  /** Rounds half-up to the target scale; the value must then fit the precision. */
  private static BigDecimal toDecimal(BigDecimal value, SparkType.DecimalType to) {
    BigDecimal r = value.setScale(to.scale(), RoundingMode.HALF_UP);
    int digits = r.unscaledValue().signum() == 0 ? 1 : r.precision();
    if (digits > to.precision()) {
      throw ReconcileErrors.decimalOutOfRange(value.toString(), to.precision(), to.scale());
    }
    return r;
  }

  /** The value as Spark writes it in error messages (a SQL literal). */
  static String literal(SparkType type, Object v) {
    if (type instanceof SparkType.ByteType) {
      return v + "Y";
    }
    if (type instanceof SparkType.ShortType) {
      return v + "S";
    }
    if (type instanceof SparkType.LongType) {
      return v + "L";
    }
    if (type instanceof SparkType.FloatType) {
      float f = (Float) v;
      return Float.isNaN(f) ? "NaN" : Float.isInfinite(f) ? (f > 0 ? "Infinity" : "-Infinity")
          : Float.toString(f);
    }
    if (type instanceof SparkType.DoubleType) {
      double d = (Double) v;
      return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
          : d + "D";
    }
    if (type instanceof SparkType.DecimalType) {
      return v + "BD";
    }
    return String.valueOf(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Dates and timestamps

  private static CastFunction datetime(SparkType from, SparkType to, ZoneId zone) {
    if (from instanceof SparkType.DateType) {
      if (to instanceof SparkType.TimestampType) {
        return v -> micros(LocalDate.ofEpochDay((Integer) v).atStartOfDay(zone).toInstant());
      }
      return v -> Math.multiplyExact((long) (Integer) v, MICROS_PER_DAY);
    }
    if (from instanceof SparkType.TimestampType) {
      if (to instanceof SparkType.DateType) {
        return v -> (int) LocalDateTime.ofInstant(instant((Long) v), zone).toLocalDate()
            .toEpochDay();
      }
      return v -> {
        long micros = (Long) v;
        LocalDateTime local = LocalDateTime.ofInstant(instant(micros), zone);
        return micros(local.toInstant(ZoneOffset.UTC));
      };
    }
    // from timestamp_ntz
    if (to instanceof SparkType.DateType) {
      return v -> (int) Math.floorDiv((Long) v, MICROS_PER_DAY);
    }
    return v -> {
      long micros = (Long) v;
      LocalDateTime local = LocalDateTime.ofInstant(instant(micros), ZoneOffset.UTC);
      return micros(local.atZone(zone).toInstant());
    };
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), MICROS_PER_SECOND),
        i.getNano() / 1000);
  }
}
