package dev.cclr.server.schema;

import java.util.function.Predicate;

/** Questions about a type and everything nested in it. */
public final class SparkTypes {

  private SparkTypes() {}

  /** True when the type or any type nested in it (elements, keys, values, fields, UDT SQL types) matches. */
  public static boolean anyMatch(SparkType type, Predicate<SparkType> test) {
    if (test.test(type)) {
      return true;
    }
    if (type instanceof SparkType.ArrayType a) {
      return anyMatch(a.elementType(), test);
    }
    if (type instanceof SparkType.MapType m) {
      return anyMatch(m.keyType(), test) || anyMatch(m.valueType(), test);
    }
    if (type instanceof SparkType.StructType s) {
      return s.fields().stream().anyMatch(f -> anyMatch(f.type(), test));
    }
    return type instanceof SparkType.UserDefinedType u && anyMatch(u.sqlType(), test);
  }

  /** CHAR(n) or VARCHAR(n) anywhere: Spark refuses those in local relation schemas. */
  public static boolean hasCharOrVarchar(SparkType type) {
    return anyMatch(type,
        t -> t instanceof SparkType.CharType || t instanceof SparkType.VarcharType);
  }

  /** TIME anywhere: Spark 4.2 parses it but refuses to execute it. */
  public static boolean hasTime(SparkType type) {
    return anyMatch(type, t -> t instanceof SparkType.TimeType);
  }
}
