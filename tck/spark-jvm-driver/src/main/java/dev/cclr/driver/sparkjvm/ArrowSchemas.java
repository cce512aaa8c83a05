package dev.cclr.driver.sparkjvm;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
// Arrow as shaded inside spark-connect-client-jvm_2.13. The same package names are present in the
// 4.2.0 jar (Arrow 19.0.0) and in the 4.1.3 jar (Arrow 18.3.0), checked by listing both jars, so
// the driver needs no Arrow of its own on the child JVM's classpath.
import org.sparkproject.org.apache.arrow.vector.types.DateUnit;
import org.sparkproject.org.apache.arrow.vector.types.FloatingPointPrecision;
import org.sparkproject.org.apache.arrow.vector.types.TimeUnit;
import org.sparkproject.org.apache.arrow.vector.types.pojo.ArrowType;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Field;
import org.sparkproject.org.apache.arrow.vector.types.pojo.FieldType;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Schema;

/**
 * Maps Arrow fields to Spark types and back, for the types of the client driver contract (spec
 * chapter 14): Int8/16/32/64, Float32/64, Bool, Utf8, Binary, Date(DAY), Timestamp(MICROSECOND,
 * zone), Decimal128, List and Struct. Anything else is an {@link UnsupportedTypeException}.
 */
final class ArrowSchemas {

  /** The zone written on output timestamps; the TCK compares timestamps as instants. */
  static final String OUTPUT_TIME_ZONE = "UTC";

  /** Name of a list's child field, as Spark's own Arrow conversion names it. */
  static final String LIST_ELEMENT = "element";

  private ArrowSchemas() {}

  /** Thrown for a type outside the contract, on either side. */
  static final class UnsupportedTypeException extends RuntimeException {
    UnsupportedTypeException(String message) {
      super(message);
    }
  }

  // ---- Arrow -> Spark ----

  static StructType toSpark(Schema schema) {
    return toSparkStruct(schema.getFields(), "");
  }

  private static StructType toSparkStruct(List<Field> fields, String parent) {
    StructType struct = new StructType();
    for (Field f : fields) {
      struct = struct.add(f.getName(), toSpark(f, parent + f.getName()), f.isNullable());
    }
    return struct;
  }

  static DataType toSpark(Field field, String path) {
    if (field.getDictionary() != null) {
      throw new UnsupportedTypeException(path + ": dictionary-encoded columns are not supported");
    }
    ArrowType t = field.getType();
    if (t instanceof ArrowType.Int i) {
      if (!i.getIsSigned()) {
        throw unsupported(path, t);
      }
      return switch (i.getBitWidth()) {
        case 8 -> DataTypes.ByteType;
        case 16 -> DataTypes.ShortType;
        case 32 -> DataTypes.IntegerType;
        case 64 -> DataTypes.LongType;
        default -> throw unsupported(path, t);
      };
    }
    if (t instanceof ArrowType.FloatingPoint fp) {
      return switch (fp.getPrecision()) {
        case SINGLE -> DataTypes.FloatType;
        case DOUBLE -> DataTypes.DoubleType;
        default -> throw unsupported(path, t);
      };
    }
    if (t instanceof ArrowType.Bool) {
      return DataTypes.BooleanType;
    }
    if (t instanceof ArrowType.Utf8) {
      return DataTypes.StringType;
    }
    if (t instanceof ArrowType.Binary) {
      return DataTypes.BinaryType;
    }
    if (t instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY) {
      return DataTypes.DateType;
    }
    // Any zone: the values are instants. A timestamp without a zone would be TIMESTAMP_NTZ.
    if (t instanceof ArrowType.Timestamp ts && ts.getUnit() == TimeUnit.MICROSECOND && ts.getTimezone() != null) {
      return DataTypes.TimestampType;
    }
    if (t instanceof ArrowType.Decimal d && d.getBitWidth() == 128) {
      return DataTypes.createDecimalType(d.getPrecision(), d.getScale());
    }
    if (t instanceof ArrowType.List) {
      Field element = field.getChildren().get(0);
      return DataTypes.createArrayType(toSpark(element, path + "[]"), element.isNullable());
    }
    if (t instanceof ArrowType.Struct) {
      return toSparkStruct(field.getChildren(), path + ".");
    }
    throw unsupported(path, t);
  }

  private static UnsupportedTypeException unsupported(String path, ArrowType t) {
    return new UnsupportedTypeException(path + ": Arrow type " + t + " is not in the client driver contract");
  }

  // ---- Spark -> Arrow ----

  static Schema toArrow(StructType schema) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : schema.fields()) {
      fields.add(toArrow(f.name(), f.dataType(), f.nullable()));
    }
    return new Schema(fields);
  }

  static Field toArrow(String name, DataType type, boolean nullable) {
    if (type instanceof ArrayType a) {
      Field element = toArrow(LIST_ELEMENT, a.elementType(), a.containsNull());
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }
    if (type instanceof StructType s) {
      List<Field> children = new ArrayList<>();
      for (StructField f : s.fields()) {
        children.add(toArrow(f.name(), f.dataType(), f.nullable()));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    return new Field(name, new FieldType(nullable, primitive(name, type), null), List.of());
  }

  private static ArrowType primitive(String name, DataType type) {
    if (type instanceof ByteType) {
      return new ArrowType.Int(8, true);
    } else if (type instanceof ShortType) {
      return new ArrowType.Int(16, true);
    } else if (type instanceof IntegerType) {
      return new ArrowType.Int(32, true);
    } else if (type instanceof LongType) {
      return new ArrowType.Int(64, true);
    } else if (type instanceof FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    } else if (type instanceof DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    } else if (type instanceof BooleanType) {
      return ArrowType.Bool.INSTANCE;
    } else if (type instanceof StringType) {
      return ArrowType.Utf8.INSTANCE;
    } else if (type instanceof BinaryType) {
      return ArrowType.Binary.INSTANCE;
    } else if (type instanceof DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    } else if (type instanceof TimestampType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, OUTPUT_TIME_ZONE);
    } else if (type instanceof DecimalType d) {
      return new ArrowType.Decimal(d.precision(), d.scale(), 128);
    }
    throw new UnsupportedTypeException(name + ": Spark type " + type.simpleString()
        + " is not in the client driver contract");
  }
}
