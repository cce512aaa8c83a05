package dev.cclr.server.schema;

import dev.cclr.proto.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between {@link SparkType} and the wire {@code spark.connect.DataType}, in Spark 4.2.0
 * style: a plain string carries an empty collation, field metadata is present only when the
 * field has some, decimals and intervals always carry both of their numbers.
 */
public final class ProtoTypes {

  private ProtoTypes() {}

  public static DataType toProto(SparkType type) {
    return toProto(type, false);
  }

  /**
   * With {@code spark41Strings}, strings carry their collation name even when it is the default
   * ({@code "UTF8_BINARY"}), as Spark 4.1.x sends them; otherwise Spark 4.2.0's style.
   */
  public static DataType toProto(SparkType type, boolean spark41Strings) {
    DataType.Builder b = DataType.newBuilder();
    if (type instanceof SparkType.NullType t) {
      b.setNull(DataType.NULL.getDefaultInstance());
    } else if (type instanceof SparkType.BooleanType t) {
      b.setBoolean(DataType.Boolean.getDefaultInstance());
    } else if (type instanceof SparkType.ByteType t) {
      b.setByte(DataType.Byte.getDefaultInstance());
    } else if (type instanceof SparkType.ShortType t) {
      b.setShort(DataType.Short.getDefaultInstance());
    } else if (type instanceof SparkType.IntegerType t) {
      b.setInteger(DataType.Integer.getDefaultInstance());
    } else if (type instanceof SparkType.LongType t) {
      b.setLong(DataType.Long.getDefaultInstance());
    } else if (type instanceof SparkType.FloatType t) {
      b.setFloat(DataType.Float.getDefaultInstance());
    } else if (type instanceof SparkType.DoubleType t) {
      b.setDouble(DataType.Double.getDefaultInstance());
    } else if (type instanceof SparkType.DecimalType t) {
      b.setDecimal(
          DataType.Decimal.newBuilder().setPrecision(t.precision()).setScale(t.scale()));
    } else if (type instanceof SparkType.StringType t) {
      String collation = t.collation() != null ? t.collation()
          : spark41Strings ? SparkType.StringType.DEFAULT_COLLATION : "";
      b.setString(DataType.String.newBuilder().setCollation(collation));
    } else if (type instanceof SparkType.CharType t) {
      b.setChar(DataType.Char.newBuilder().setLength(t.length()));
    } else if (type instanceof SparkType.VarcharType t) {
      b.setVarChar(DataType.VarChar.newBuilder().setLength(t.length()));
    } else if (type instanceof SparkType.BinaryType t) {
      b.setBinary(DataType.Binary.getDefaultInstance());
    } else if (type instanceof SparkType.DateType t) {
      b.setDate(DataType.Date.getDefaultInstance());
    } else if (type instanceof SparkType.TimestampType t) {
      b.setTimestamp(DataType.Timestamp.getDefaultInstance());
    } else if (type instanceof SparkType.TimestampNtzType t) {
      b.setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance());
    } else if (type instanceof SparkType.TimeType t) {
      b.setTime(DataType.Time.newBuilder().setPrecision(t.precision()));
    } else if (type instanceof SparkType.YearMonthIntervalType t) {
      b.setYearMonthInterval(
          DataType.YearMonthInterval.newBuilder().setStartField(t.startField())
              .setEndField(t.endField()));
    } else if (type instanceof SparkType.DayTimeIntervalType t) {
      b.setDayTimeInterval(
          DataType.DayTimeInterval.newBuilder().setStartField(t.startField())
              .setEndField(t.endField()));
    } else if (type instanceof SparkType.CalendarIntervalType t) {
      b.setCalendarInterval(DataType.CalendarInterval.getDefaultInstance());
    } else if (type instanceof SparkType.VariantType t) {
      b.setVariant(DataType.Variant.getDefaultInstance());
    } else if (type instanceof SparkType.GeometryType t) {
      b.setGeometry(DataType.Geometry.newBuilder().setSrid(t.srid()));
    } else if (type instanceof SparkType.GeographyType t) {
      b.setGeography(DataType.Geography.newBuilder().setSrid(t.srid()));
    } else if (type instanceof SparkType.ArrayType t) {
      b.setArray(DataType.Array.newBuilder()
          .setElementType(toProto(t.elementType(), spark41Strings)).setContainsNull(t.containsNull()));
    } else if (type instanceof SparkType.MapType t) {
      b.setMap(DataType.Map.newBuilder()
          .setKeyType(toProto(t.keyType(), spark41Strings)).setValueType(toProto(t.valueType(), spark41Strings))
          .setValueContainsNull(t.valueContainsNull()));
    } else if (type instanceof SparkType.StructType t) {
      DataType.Struct.Builder s = DataType.Struct.newBuilder();
        for (StructField f : t.fields()) {
          DataType.StructField.Builder fb = DataType.StructField.newBuilder().setName(f.name())
              .setDataType(toProto(f.type(), spark41Strings)).setNullable(f.nullable());
          if (f.hasMetadata()) {
            fb.setMetadata(f.metadataJson());
          }
          s.addFields(fb);
        }
        b.setStruct(s);
    } else if (type instanceof SparkType.UserDefinedType t) {
      DataType.UDT.Builder u = DataType.UDT.newBuilder().setType("udt")
            .setSqlType(toProto(t.sqlType(), spark41Strings));
        if (t.jvmClass() != null) {
          u.setJvmClass(t.jvmClass());
        }
        if (t.pyClass() != null) {
          u.setPythonClass(t.pyClass());
        }
        if (t.serializedPyClass() != null) {
          u.setSerializedPythonClass(t.serializedPyClass());
        }
        b.setUdt(u);
    }
    return b.build();
  }

  /** The reverse direction; an unset or unparsed proto type is an IllegalArgumentException. */
  public static SparkType fromProto(DataType proto) {
    return switch (proto.getKindCase()) {
      case NULL -> SparkType.NULL;
      case BOOLEAN -> SparkType.BOOLEAN;
      case BYTE -> SparkType.BYTE;
      case SHORT -> SparkType.SHORT;
      case INTEGER -> SparkType.INT;
      case LONG -> SparkType.LONG;
      case FLOAT -> SparkType.FLOAT;
      case DOUBLE -> SparkType.DOUBLE;
      case DECIMAL -> new SparkType.DecimalType(
          proto.getDecimal().hasPrecision() ? proto.getDecimal().getPrecision() : 10,
          proto.getDecimal().hasScale() ? proto.getDecimal().getScale() : 0);
      case STRING -> proto.getString().getCollation().isEmpty() ? SparkType.STRING
          : new SparkType.StringType(proto.getString().getCollation());
      case CHAR -> new SparkType.CharType(proto.getChar().getLength());
      case VAR_CHAR -> new SparkType.VarcharType(proto.getVarChar().getLength());
      case BINARY -> SparkType.BINARY;
      case DATE -> SparkType.DATE;
      case TIMESTAMP -> SparkType.TIMESTAMP;
      case TIMESTAMP_NTZ -> SparkType.TIMESTAMP_NTZ;
      case TIME -> new SparkType.TimeType(proto.getTime().hasPrecision()
          ? proto.getTime().getPrecision() : SparkType.TimeType.DEFAULT_PRECISION);
      case YEAR_MONTH_INTERVAL -> new SparkType.YearMonthIntervalType(
          proto.getYearMonthInterval().hasStartField()
              ? proto.getYearMonthInterval().getStartField() : 0,
          proto.getYearMonthInterval().hasEndField()
              ? proto.getYearMonthInterval().getEndField() : 1);
      case DAY_TIME_INTERVAL -> new SparkType.DayTimeIntervalType(
          proto.getDayTimeInterval().hasStartField() ? proto.getDayTimeInterval().getStartField() : 0,
          proto.getDayTimeInterval().hasEndField() ? proto.getDayTimeInterval().getEndField() : 3);
      case CALENDAR_INTERVAL -> SparkType.CALENDAR_INTERVAL;
      case VARIANT -> SparkType.VARIANT;
      case GEOMETRY -> new SparkType.GeometryType(proto.getGeometry().getSrid());
      case GEOGRAPHY -> new SparkType.GeographyType(proto.getGeography().getSrid());
      case ARRAY -> new SparkType.ArrayType(fromProto(proto.getArray().getElementType()),
          proto.getArray().getContainsNull());
      case MAP -> new SparkType.MapType(fromProto(proto.getMap().getKeyType()),
          fromProto(proto.getMap().getValueType()), proto.getMap().getValueContainsNull());
      case STRUCT -> {
        List<StructField> fields = new ArrayList<>();
        for (DataType.StructField f : proto.getStruct().getFieldsList()) {
          fields.add(new StructField(f.getName(), fromProto(f.getDataType()), f.getNullable(),
              f.hasMetadata() ? f.getMetadata() : StructField.NO_METADATA));
        }
        yield new SparkType.StructType(fields);
      }
      case UDT -> new SparkType.UserDefinedType(
          proto.getUdt().hasJvmClass() ? proto.getUdt().getJvmClass() : null,
          proto.getUdt().hasPythonClass() ? proto.getUdt().getPythonClass() : null,
          proto.getUdt().hasSerializedPythonClass() ? proto.getUdt().getSerializedPythonClass()
              : null,
          fromProto(proto.getUdt().getSqlType()));
      case UNPARSED, KIND_NOT_SET ->
          throw new IllegalArgumentException("not a concrete data type: " + proto.getKindCase());
    };
  }
}
