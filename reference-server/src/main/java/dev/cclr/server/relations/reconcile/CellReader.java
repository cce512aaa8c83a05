package dev.cclr.server.relations.reconcile;

import java.math.BigDecimal;
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
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads one leaf value of an Arrow vector in the representation the casts work on: Long for
 * every integral width, Float, Double, BigDecimal, byte[] for strings (raw UTF-8) and binaries,
 * Integer days for dates, Long microseconds for timestamps and day-time intervals, Integer months
 * for year-month intervals, {@link CalendarValue} for calendar intervals, Long nanoseconds for
 * times. Null for a null slot.
 */
@FunctionalInterface
interface CellReader {

  Object read(FieldVector vector, int index);

  static CellReader forArrowType(ArrowType type) {
    if (type instanceof ArrowType.Null) {
      return (v, i) -> null;
    }
    CellReader nonNull = nonNullReader(type);
    return (v, i) -> v.isNull(i) ? null : nonNull.read(v, i);
  }

  private static CellReader nonNullReader(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return (v, i) -> ((BitVector) v).get(i) != 0;
    }
    if (type instanceof ArrowType.Int t) {
      switch (t.getBitWidth()) {
        case 8: return (v, i) -> (long) ((TinyIntVector) v).get(i);
        case 16: return (v, i) -> (long) ((SmallIntVector) v).get(i);
        case 32: return (v, i) -> (long) ((IntVector) v).get(i);
        default: return (v, i) -> ((BigIntVector) v).get(i);
      }
    }
    if (type instanceof ArrowType.FloatingPoint t) {
      return switch (t.getPrecision()) {
        case SINGLE -> (v, i) -> ((Float4Vector) v).get(i);
        default -> (v, i) -> ((Float8Vector) v).get(i);
      };
    }
    if (type instanceof ArrowType.Decimal) {
      return (v, i) -> (BigDecimal) ((DecimalVector) v).getObject(i);
    }
    if (type instanceof ArrowType.Utf8) {
      return (v, i) -> ((VarCharVector) v).get(i);
    }
    if (type instanceof ArrowType.LargeUtf8) {
      return (v, i) -> ((LargeVarCharVector) v).get(i);
    }
    if (type instanceof ArrowType.Binary) {
      return (v, i) -> ((VarBinaryVector) v).get(i);
    }
    if (type instanceof ArrowType.LargeBinary) {
      return (v, i) -> ((LargeVarBinaryVector) v).get(i);
    }
    if (type instanceof ArrowType.Date) {
      return (v, i) -> ((DateDayVector) v).get(i);
    }
    if (type instanceof ArrowType.Timestamp) {
      return (v, i) -> ((TimeStampVector) v).get(i);
    }
    if (type instanceof ArrowType.Duration) {
      return (v, i) -> DurationVector.get(v.getDataBuffer(), i);
    }
    if (type instanceof ArrowType.Interval t) {
      if (t.getUnit() == org.apache.arrow.vector.types.IntervalUnit.YEAR_MONTH) {
        return (v, i) -> ((IntervalYearVector) v).get(i);
      }
      return (v, i) -> new CalendarValue(
          IntervalMonthDayNanoVector.getMonths(v.getDataBuffer(), i),
          IntervalMonthDayNanoVector.getDays(v.getDataBuffer(), i),
          IntervalMonthDayNanoVector.getNanoseconds(v.getDataBuffer(), i) / 1000);
    }
    if (type instanceof ArrowType.Time) {
      return (v, i) -> ((TimeNanoVector) v).get(i);
    }
    throw new IllegalArgumentException("no reader for Arrow type " + type);
  }
}
