package dev.cclr.server.schema;

import dev.cclr.server.errors.SparkError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The mapping between Arrow and Spark types that Spark's ArrowUtils defines, in both directions,
 * with the errors Spark raises for Arrow types it cannot read (checked on Spark 4.2.0).
 */
public final class ArrowTypes {

  private ArrowTypes() {}

  // -------------------------------------------------------------------------------------------
  // Arrow -> Spark

  /** The Spark schema of an Arrow schema: names and nullability as-is. Throws SparkError. */
  public static SparkType.StructType fromArrowSchema(Schema schema) {
    List<StructField> fields = new ArrayList<>();
    for (Field f : schema.getFields()) {
      fields.add(new StructField(f.getName(), fromArrowField(f), f.isNullable()));
    }
    return new SparkType.StructType(fields);
  }

  public static SparkType fromArrowField(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Map) {
      Field entries = field.getChildren().get(0);
      Field key = entries.getChildren().get(0);
      Field value = entries.getChildren().get(1);
      return new SparkType.MapType(fromArrowField(key), fromArrowField(value), value.isNullable());
    }
    if (type instanceof ArrowType.List) {
      Field element = field.getChildren().get(0);
      return new SparkType.ArrayType(fromArrowField(element), element.isNullable());
    }
    if (type instanceof ArrowType.Struct) {
      List<StructField> fields = new ArrayList<>();
      for (Field child : field.getChildren()) {
        fields.add(new StructField(child.getName(), fromArrowField(child), child.isNullable()));
      }
      return new SparkType.StructType(fields);
    }
    return fromArrowType(type);
  }

  public static SparkType fromArrowType(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return SparkType.BOOLEAN;
    }
    if (type instanceof ArrowType.Int i && i.getIsSigned()) {
      switch (i.getBitWidth()) {
        case 8: return SparkType.BYTE;
        case 16: return SparkType.SHORT;
        case 32: return SparkType.INT;
        case 64: return SparkType.LONG;
        default: break;
      }
    }
    if (type instanceof ArrowType.FloatingPoint f) {
      if (f.getPrecision() == FloatingPointPrecision.SINGLE) {
        return SparkType.FLOAT;
      }
      if (f.getPrecision() == FloatingPointPrecision.DOUBLE) {
        return SparkType.DOUBLE;
      }
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return SparkType.STRING;
    }
    if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return SparkType.BINARY;
    }
    if (type instanceof ArrowType.Decimal d) {
      return decimal(d);
    }
    if (type instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY) {
      return SparkType.DATE;
    }
    if (type instanceof ArrowType.Timestamp ts && ts.getUnit() == TimeUnit.MICROSECOND) {
      return ts.getTimezone() == null ? SparkType.TIMESTAMP_NTZ : SparkType.TIMESTAMP;
    }
    if (type instanceof ArrowType.Time t && t.getUnit() == TimeUnit.NANOSECOND
        && t.getBitWidth() == 64) {
      return new SparkType.TimeType(SparkType.TimeType.DEFAULT_PRECISION);
    }
    if (type instanceof ArrowType.Null) {
      return SparkType.NULL;
    }
    if (type instanceof ArrowType.Interval iv && iv.getUnit() == IntervalUnit.YEAR_MONTH) {
      return SparkType.YearMonthIntervalType.DEFAULT;
    }
    if (type instanceof ArrowType.Duration du && du.getUnit() == TimeUnit.MICROSECOND) {
      return SparkType.DayTimeIntervalType.DEFAULT;
    }
    if (type instanceof ArrowType.Interval iv && iv.getUnit() == IntervalUnit.MONTH_DAY_NANO) {
      return SparkType.CALENDAR_INTERVAL;
    }
    throw SchemaErrors.unsupportedArrowType(type.toString());
  }

  private static SparkType decimal(ArrowType.Decimal d) {
    if (d.getScale() < 0) {
      throw SparkExceptionKind.ANALYSIS_EXCEPTION.error("NEGATIVE_SCALE_DISALLOWED")
          .sqlState("0A000").param("scale", d.getScale())
          .param("sqlConf", "\"spark.sql.legacy.allowNegativeScaleOfDecimal\"")
          .text("Negative scale is not allowed: " + d.getScale() + ". Set the config "
              + "\"spark.sql.legacy.allowNegativeScaleOfDecimal\" to \"true\" to allow it.")
          .build();
    }
    if (d.getScale() > d.getPrecision()) {
      throw SparkExceptionKind.ANALYSIS_EXCEPTION.error("_LEGACY_ERROR_TEMP_1228")
          .param("scale", d.getScale()).param("precision", d.getPrecision())
          .text("Decimal scale (" + d.getScale() + ") cannot be greater than precision ("
              + d.getPrecision() + ").")
          .build();
    }
    if (d.getPrecision() > SparkType.DecimalType.MAX_PRECISION) {
      throw SchemaErrors.decimalPrecisionTooLarge(d.getPrecision());
    }
    return new SparkType.DecimalType(d.getPrecision(), d.getScale());
  }

  /**
   * Problems Spark only meets when it reads the vectors (after mapping the types): a Decimal256
   * column, or a map whose entry fields are not named "key" and "value". Null when readable.
   */
  public static SparkError unreadableVector(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Decimal d && d.getBitWidth() != 128) {
      return SchemaErrors.unsupportedDecimal256();
    }
    if (type instanceof ArrowType.Map) {
      Field entries = field.getChildren().get(0);
      boolean hasKey = entries.getChildren().stream()
          .anyMatch(c -> c.getName().equals(MapVector.KEY_NAME));
      boolean hasValue = entries.getChildren().stream()
          .anyMatch(c -> c.getName().equals(MapVector.VALUE_NAME));
      if (!hasKey || !hasValue) {
        return SparkExceptionKind.NULL_POINTER.error(null)
            .text("Cannot invoke \"org.apache.arrow.vector.ValueVector.getField()\" because "
                + "\"vector\" is null")
            .build();
      }
    }
    for (Field child : field.getChildren()) {
      SparkError e = unreadableVector(child);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Spark -> Arrow

  /**
   * The Arrow schema Spark labels results with: timestamps carry the session time zone, strings
   * and binaries are large when useLargeVarTypes is on, list children are named "element", maps
   * use "entries"/"key"/"value", and duplicated names inside structs become name_0, name_1, ...
   * (top-level names are left as they are, as Spark does for Connect results).
   */
  public static Schema toArrowSchema(SparkType.StructType schema, String timeZone,
      boolean largeVarTypes) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : schema.fields()) {
      fields.add(toArrowField(f.name(), deduplicateNested(f.type()), f.nullable(), timeZone,
          largeVarTypes));
    }
    return new Schema(fields);
  }

  public static Field toArrowField(String name, SparkType type, boolean nullable,
      String timeZone, boolean largeVarTypes) {
    if (type instanceof SparkType.ArrayType a) {
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
          List.of(toArrowField("element", a.elementType(), a.containsNull(), timeZone,
              largeVarTypes)));
    }
    if (type instanceof SparkType.StructType s) {
      List<Field> children = new ArrayList<>();
      for (StructField f : s.fields()) {
        children.add(toArrowField(f.name(), f.type(), f.nullable(), timeZone, largeVarTypes));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    if (type instanceof SparkType.MapType m) {
      Field entries = new Field(MapVector.DATA_VECTOR_NAME,
          new FieldType(false, ArrowType.Struct.INSTANCE, null),
          List.of(toArrowField(MapVector.KEY_NAME, m.keyType(), false, timeZone, largeVarTypes),
              toArrowField(MapVector.VALUE_NAME, m.valueType(), m.valueContainsNull(), timeZone,
                  largeVarTypes)));
      return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null),
          List.of(entries));
    }
    if (type instanceof SparkType.UserDefinedType u) {
      return toArrowField(name, u.sqlType(), nullable, timeZone, largeVarTypes);
    }
    if (type instanceof SparkType.VariantType) {
      return new Field(name,
          new FieldType(nullable, ArrowType.Struct.INSTANCE, null, Map.of("variant", "true")),
          List.of(toArrowField("value", SparkType.BINARY, false, timeZone, largeVarTypes),
              toArrowField("metadata", SparkType.BINARY, false, timeZone, largeVarTypes)));
    }
    return new Field(name, new FieldType(nullable, toArrowType(type, timeZone, largeVarTypes), null),
        List.of());
  }

  public static ArrowType toArrowType(SparkType type, String timeZone, boolean largeVarTypes) {
    if (type instanceof SparkType.BooleanType) {
      return ArrowType.Bool.INSTANCE;
    }
    if (type instanceof SparkType.ByteType) {
      return new ArrowType.Int(8, true);
    }
    if (type instanceof SparkType.ShortType) {
      return new ArrowType.Int(16, true);
    }
    if (type instanceof SparkType.IntegerType) {
      return new ArrowType.Int(32, true);
    }
    if (type instanceof SparkType.LongType) {
      return new ArrowType.Int(64, true);
    }
    if (type instanceof SparkType.FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    }
    if (type instanceof SparkType.DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    }
    if (type instanceof SparkType.StringType) {
      return largeVarTypes ? ArrowType.LargeUtf8.INSTANCE : ArrowType.Utf8.INSTANCE;
    }
    if (type instanceof SparkType.BinaryType) {
      return largeVarTypes ? ArrowType.LargeBinary.INSTANCE : ArrowType.Binary.INSTANCE;
    }
    if (type instanceof SparkType.DecimalType d) {
      return new ArrowType.Decimal(d.precision(), d.scale(), 128);
    }
    if (type instanceof SparkType.DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    }
    if (type instanceof SparkType.TimestampType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, timeZone);
    }
    if (type instanceof SparkType.TimestampNtzType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    }
    if (type instanceof SparkType.TimeType) {
      return new ArrowType.Time(TimeUnit.NANOSECOND, 64);
    }
    if (type instanceof SparkType.NullType) {
      return ArrowType.Null.INSTANCE;
    }
    if (type instanceof SparkType.YearMonthIntervalType) {
      return new ArrowType.Interval(IntervalUnit.YEAR_MONTH);
    }
    if (type instanceof SparkType.DayTimeIntervalType) {
      return new ArrowType.Duration(TimeUnit.MICROSECOND);
    }
    if (type instanceof SparkType.CalendarIntervalType) {
      return new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO);
    }
    throw SchemaErrors.unsupportedDataTypeForArrow(type);
  }

  /** Renames duplicated field names inside (nested) structs to name_0, name_1, ... */
  static SparkType deduplicateNested(SparkType type) {
    if (type instanceof SparkType.UserDefinedType u) {
      return deduplicateNested(u.sqlType());
    }
    if (type instanceof SparkType.StructType s) {
      Map<String, Integer> counts = new HashMap<>();
      for (StructField f : s.fields()) {
        counts.merge(f.name(), 1, Integer::sum);
      }
      Map<String, Integer> next = new LinkedHashMap<>();
      List<StructField> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        String name = f.name();
        if (counts.get(name) > 1) {
          int i = next.merge(name, 1, Integer::sum) - 1;
          name = name + "_" + i;
        }
        fields.add(new StructField(name, deduplicateNested(f.type()), f.nullable(),
            f.metadataJson()));
      }
      return new SparkType.StructType(fields);
    }
    if (type instanceof SparkType.ArrayType a) {
      return new SparkType.ArrayType(deduplicateNested(a.elementType()), a.containsNull());
    }
    if (type instanceof SparkType.MapType m) {
      return new SparkType.MapType(deduplicateNested(m.keyType()), deduplicateNested(m.valueType()),
          m.valueContainsNull());
    }
    return type;
  }
}
