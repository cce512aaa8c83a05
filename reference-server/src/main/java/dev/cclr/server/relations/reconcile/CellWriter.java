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
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Writes one leaf value (in {@link CellReader}'s representation) into an Arrow vector. */
@FunctionalInterface
interface CellWriter {

  void write(FieldVector vector, int index, Object value);

  static CellWriter forArrowType(ArrowType type) {
    if (type instanceof ArrowType.Null) {
      return (v, i, x) -> { };
    }
    CellWriter nonNull = nonNullWriter(type);
    return (v, i, x) -> {
      if (x == null) {
        Nulls.setNull(v, i);
      } else {
        nonNull.write(v, i, x);
      }
    };
  }

  private static CellWriter nonNullWriter(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return (v, i, x) -> ((BitVector) v).setSafe(i, (Boolean) x ? 1 : 0);
    }
    if (type instanceof ArrowType.Int t) {
      switch (t.getBitWidth()) {
        case 8: return (v, i, x) -> ((TinyIntVector) v).setSafe(i, (byte) (long) (Long) x);
        case 16: return (v, i, x) -> ((SmallIntVector) v).setSafe(i, (short) (long) (Long) x);
        case 32: return (v, i, x) -> ((IntVector) v).setSafe(i, (int) (long) (Long) x);
        default: return (v, i, x) -> ((BigIntVector) v).setSafe(i, (Long) x);
      }
    }
    if (type instanceof ArrowType.FloatingPoint t) {
      return switch (t.getPrecision()) {
        case SINGLE -> (v, i, x) -> ((Float4Vector) v).setSafe(i, (Float) x);
        default -> (v, i, x) -> ((Float8Vector) v).setSafe(i, (Double) x);
      };
    }
    if (type instanceof ArrowType.Decimal) {
      return (v, i, x) -> ((DecimalVector) v).setSafe(i, (BigDecimal) x);
    }
    if (type instanceof ArrowType.Utf8) {
      return (v, i, x) -> ((VarCharVector) v).setSafe(i, (byte[]) x);
    }
    if (type instanceof ArrowType.LargeUtf8) {
      return (v, i, x) -> ((LargeVarCharVector) v).setSafe(i, (byte[]) x);
    }
    if (type instanceof ArrowType.Binary) {
      return (v, i, x) -> ((VarBinaryVector) v).setSafe(i, (byte[]) x);
    }
    if (type instanceof ArrowType.LargeBinary) {
      return (v, i, x) -> ((LargeVarBinaryVector) v).setSafe(i, (byte[]) x);
    }
    if (type instanceof ArrowType.Date) {
      return (v, i, x) -> ((DateDayVector) v).setSafe(i, (Integer) x);
    }
    if (type instanceof ArrowType.Timestamp) {
      return (v, i, x) -> ((TimeStampVector) v).setSafe(i, (Long) x);
    }
    if (type instanceof ArrowType.Duration) {
      return (v, i, x) -> ((DurationVector) v).setSafe(i, (Long) x);
    }
    if (type instanceof ArrowType.Interval t) {
      if (t.getUnit() == IntervalUnit.YEAR_MONTH) {
        return (v, i, x) -> ((IntervalYearVector) v).setSafe(i, (Integer) x);
      }
      return (v, i, x) -> {
        CalendarValue c = (CalendarValue) x;
        ((IntervalMonthDayNanoVector) v).setSafe(i, c.months(), c.days(), c.micros() * 1000);
      };
    }
    if (type instanceof ArrowType.Time) {
      return (v, i, x) -> ((TimeNanoVector) v).setSafe(i, (Long) x);
    }
    throw new IllegalArgumentException("no writer for Arrow type " + type);
  }
}
