package dev.cclr.tck.arrow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads one Arrow cell into its canonical Java value. The mapping, chosen so that {@code equals}
 * is the exact comparison a conformance test needs:
 *
 * <ul>
 *   <li>null cells: {@code null};
 *   <li>booleans: {@link Boolean}; all integer widths, signed or not: {@link Long} (uint64 above
 *       {@code Long.MAX_VALUE}: {@link java.math.BigInteger});
 *   <li>half, single and double floats: {@link Double} (widening is exact). {@code Double.equals}
 *       treats every NaN as equal and tells {@code -0.0} from {@code 0.0}: a server that turns one
 *       into the other changed the data;
 *   <li>decimals: {@link BigDecimal} with the column's scale, so {@code 1.0} and {@code 1.00}
 *       differ;
 *   <li>strings (all widths and views): {@link String}; binaries: {@link BinaryValue};
 *   <li>dates: {@link LocalDate}; times of day: {@link LocalTime};
 *   <li>timestamps with a time zone: {@link Instant} (the zone label is part of the column type, not
 *       of the value); without one: {@link LocalDateTime};
 *   <li>year-month intervals: {@link Period} of months; day-time intervals and durations: {@link
 *       Duration}; month-day-nano intervals: {@link MonthDayNanoValue};
 *   <li>lists of any kind: unmodifiable {@link List}; structs: {@link StructValue}; maps: {@link
 *       MapValue}.
 * </ul>
 *
 * Other types (unions, run-end encoded, extension types) raise {@link
 * UnsupportedArrowTypeException}: no Spark version produces them, and guessing would hide bugs.
 */
public final class CanonicalValues {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private CanonicalValues() {}

  public static Object valueAt(FieldVector vector, int index) {
    if (vector instanceof NullVector || vector.isNull(index)) {
      return null;
    }
    if (vector instanceof BitVector v) {
      return v.get(index) != 0;
    }
    if (vector instanceof UInt8Vector v) {
      java.math.BigInteger value = v.getObjectNoOverflow(index);
      return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
    if (vector instanceof BaseIntVector v) {
      // Unsigned 8/16/32-bit values fit a long; getValueAsLong sign-extends them, so widen by hand.
      ArrowType.Int type = (ArrowType.Int) vector.getField().getType();
      long raw = v.getValueAsLong(index);
      if (!type.getIsSigned() && type.getBitWidth() < 64) {
        raw &= (1L << type.getBitWidth()) - 1;
      }
      return raw;
    }
    if (vector instanceof Float2Vector v) {
      return canonicalDouble(v.getValueAsFloat(index));
    }
    if (vector instanceof Float4Vector v) {
      return canonicalDouble(v.get(index));
    }
    if (vector instanceof Float8Vector v) {
      return canonicalDouble(v.get(index));
    }
    if (vector instanceof DecimalVector v) {
      return v.getObject(index);
    }
    if (vector instanceof Decimal256Vector v) {
      return v.getObject(index);
    }
    if (vector instanceof VarCharVector
        || vector instanceof LargeVarCharVector
        || vector instanceof ViewVarCharVector) {
      return vector.getObject(index).toString();
    }
    if (vector instanceof VarBinaryVector v) {
      return BinaryValue.of(v.get(index));
    }
    if (vector instanceof LargeVarBinaryVector v) {
      return BinaryValue.of(v.get(index));
    }
    if (vector instanceof ViewVarBinaryVector v) {
      return BinaryValue.of(v.get(index));
    }
    if (vector instanceof FixedSizeBinaryVector v) {
      return BinaryValue.of(v.get(index));
    }
    if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(index));
    }
    if (vector instanceof DateMilliVector v) {
      long millis = v.get(index);
      if (millis % MILLIS_PER_DAY != 0) {
        return LocalDateTime.ofEpochSecond(
            Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
      }
      return LocalDate.ofEpochDay(millis / MILLIS_PER_DAY);
    }
    if (vector instanceof TimeSecVector v) {
      return LocalTime.ofSecondOfDay(v.get(index));
    }
    if (vector instanceof TimeMilliVector v) {
      return LocalTime.ofNanoOfDay(v.get(index) * 1_000_000L);
    }
    if (vector instanceof TimeMicroVector v) {
      return LocalTime.ofNanoOfDay(v.get(index) * 1_000L);
    }
    if (vector instanceof TimeNanoVector v) {
      return LocalTime.ofNanoOfDay(v.get(index));
    }
    if (vector instanceof TimeStampVector v) {
      ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
      Instant instant = toInstant(v.get(index), type.getUnit());
      return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
    }
    if (vector instanceof IntervalYearVector v) {
      return Period.ofMonths(v.get(index));
    }
    if (vector instanceof IntervalDayVector v) {
      return v.getObject(index);
    }
    if (vector instanceof IntervalMonthDayNanoVector v) {
      return new MonthDayNanoValue(
          IntervalMonthDayNanoVector.getMonths(v.getDataBuffer(), index),
          IntervalMonthDayNanoVector.getDays(v.getDataBuffer(), index),
          IntervalMonthDayNanoVector.getNanoseconds(v.getDataBuffer(), index));
    }
    if (vector instanceof DurationVector v) {
      ArrowType.Duration type = (ArrowType.Duration) vector.getField().getType();
      return Duration.of(DurationVector.get(v.getDataBuffer(), index), chronoUnit(type.getUnit()));
    }
    if (vector instanceof MapVector v) {
      StructVector entries = (StructVector) v.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
      FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
      List<MapValue.Entry> result = new ArrayList<>();
      for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
        result.add(new MapValue.Entry(valueAt(keys, i), valueAt(values, i)));
      }
      return new MapValue(result);
    }
    if (vector instanceof BaseListVector v) {
      FieldVector elements = (FieldVector) v.getChildrenFromFields().get(0);
      return elements(elements, v.getElementStartIndex(index), v.getElementEndIndex(index));
    }
    if (vector instanceof LargeListVector v) {
      return elements(
          v.getDataVector(),
          Math.toIntExact(v.getElementStartIndex(index)),
          Math.toIntExact(v.getElementEndIndex(index)));
    }
    if (vector instanceof StructVector v) {
      List<String> names = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (FieldVector child : v.getChildrenFromFields()) {
        names.add(child.getName());
        values.add(valueAt(child, index));
      }
      return new StructValue(names, values);
    }
    throw new UnsupportedArrowTypeException(
        "No canonical form for Arrow type "
            + vector.getField().getType()
            + " (column "
            + vector.getName()
            + ", "
            + vector.getClass().getSimpleName()
            + ")");
  }

  /** A value as it appears in difference reports: strings quoted, nulls spelled out. */
  public static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString() + " (scale " + d.scale() + ")";
    }
    return value.toString();
  }

  private static List<Object> elements(FieldVector elements, int start, int end) {
    List<Object> values = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      values.add(valueAt(elements, i));
    }
    return java.util.Collections.unmodifiableList(values);
  }

  private static Double canonicalDouble(double value) {
    // Every NaN bit pattern becomes the one Double.NaN, so NaN cells compare equal.
    return Double.isNaN(value) ? Double.NaN : value;
  }

  private static Instant toInstant(long value, TimeUnit unit) {
    return switch (unit) {
      case SECOND -> Instant.ofEpochSecond(value);
      case MILLISECOND -> Instant.ofEpochMilli(value);
      case MICROSECOND -> Instant.ofEpochSecond(
          Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
      case NANOSECOND -> Instant.ofEpochSecond(
          Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    };
  }

  private static ChronoUnit chronoUnit(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> ChronoUnit.SECONDS;
      case MILLISECOND -> ChronoUnit.MILLIS;
      case MICROSECOND -> ChronoUnit.MICROS;
      case NANOSECOND -> ChronoUnit.NANOS;
    };
  }
}
