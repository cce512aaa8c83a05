package dev.cclr.server.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Spark SQL data type, modelled after Spark's own type system so that the reference server can
 * reproduce Spark's schema handling: what a schema string parses to, which casts are allowed, how
 * the type is named in error messages ({@link #sql()}) and how it travels in protos and Arrow.
 */
public sealed interface SparkType {

  NullType NULL = new NullType();
  BooleanType BOOLEAN = new BooleanType();
  ByteType BYTE = new ByteType();
  ShortType SHORT = new ShortType();
  IntegerType INT = new IntegerType();
  LongType LONG = new LongType();
  FloatType FLOAT = new FloatType();
  DoubleType DOUBLE = new DoubleType();
  BinaryType BINARY = new BinaryType();
  DateType DATE = new DateType();
  TimestampType TIMESTAMP = new TimestampType();
  TimestampNtzType TIMESTAMP_NTZ = new TimestampNtzType();
  CalendarIntervalType CALENDAR_INTERVAL = new CalendarIntervalType();
  VariantType VARIANT = new VariantType();
  StringType STRING = new StringType(null);

  /** The type as Spark writes it in SQL and in error messages, e.g. {@code ARRAY<INT>}. */
  String sql();

  /** Spark's AtomicType: the leaf types that can always be cast to a string. */
  default boolean isAtomic() {
    return this instanceof NumericType || this instanceof StringType || this instanceof BooleanType
        || this instanceof BinaryType || this instanceof DateType || this instanceof TimestampType
        || this instanceof TimestampNtzType || this instanceof CharType || this instanceof VarcharType
        || this instanceof YearMonthIntervalType || this instanceof DayTimeIntervalType
        || this instanceof TimeType;
  }

  /** Spark's DatetimeType family (date, both timestamps, time). */
  default boolean isDatetime() {
    return this instanceof DateType || this instanceof TimestampType
        || this instanceof TimestampNtzType || this instanceof TimeType;
  }

  /** Marker for Spark's NumericType. */
  sealed interface NumericType extends SparkType
      permits ByteType, ShortType, IntegerType, LongType, FloatType, DoubleType, DecimalType {}

  record NullType() implements SparkType {
    @Override public String sql() { return "VOID"; }
  }

  record BooleanType() implements SparkType {
    @Override public String sql() { return "BOOLEAN"; }
  }

  record ByteType() implements NumericType {
    @Override public String sql() { return "TINYINT"; }
  }

  record ShortType() implements NumericType {
    @Override public String sql() { return "SMALLINT"; }
  }

  record IntegerType() implements NumericType {
    @Override public String sql() { return "INT"; }
  }

  record LongType() implements NumericType {
    @Override public String sql() { return "BIGINT"; }
  }

  record FloatType() implements NumericType {
    @Override public String sql() { return "FLOAT"; }
  }

  record DoubleType() implements NumericType {
    @Override public String sql() { return "DOUBLE"; }
  }

  record DecimalType(int precision, int scale) implements NumericType {
    public static final int MAX_PRECISION = 38;
    /** What a bare {@code decimal} means. */
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

    @Override public String sql() { return "DECIMAL(" + precision + "," + scale + ")"; }
  }

  /**
   * A string. {@code collation} is null for the plain STRING type and the canonical collation
   * name when one was given explicitly; Spark 4.2 shows an explicit collation in protos even when
   * it is the default UTF8_BINARY.
   */
  record StringType(String collation) implements SparkType {
    public static final String DEFAULT_COLLATION = "UTF8_BINARY";

    public boolean isDefaultCollation() {
      return collation == null || DEFAULT_COLLATION.equals(collation);
    }

    @Override public String sql() {
      return isDefaultCollation() ? "STRING" : "STRING COLLATE " + collation;
    }
  }

  record CharType(int length) implements SparkType {
    @Override public String sql() { return "CHAR(" + length + ")"; }
  }

  record VarcharType(int length) implements SparkType {
    @Override public String sql() { return "VARCHAR(" + length + ")"; }
  }

  record BinaryType() implements SparkType {
    @Override public String sql() { return "BINARY"; }
  }

  record DateType() implements SparkType {
    @Override public String sql() { return "DATE"; }
  }

  /** TIMESTAMP (with local time zone semantics): microseconds since the epoch, UTC. */
  record TimestampType() implements SparkType {
    @Override public String sql() { return "TIMESTAMP"; }
  }

  /** TIMESTAMP_NTZ: a wall-clock time, microseconds since 1970-01-01T00:00 without a zone. */
  record TimestampNtzType() implements SparkType {
    @Override public String sql() { return "TIMESTAMP_NTZ"; }
  }

  /** TIME(p): nanoseconds since midnight; Spark 4.1+ can parse it but refuses to execute it. */
  record TimeType(int precision) implements SparkType {
    public static final int DEFAULT_PRECISION = 6;

    @Override public String sql() { return "TIME(" + precision + ")"; }
  }

  /** Year-month interval; fields: 0 = YEAR, 1 = MONTH. */
  record YearMonthIntervalType(int startField, int endField) implements SparkType {
    public static final int YEAR = 0;
    public static final int MONTH = 1;
    public static final YearMonthIntervalType DEFAULT = new YearMonthIntervalType(YEAR, MONTH);
    private static final List<String> NAMES = List.of("YEAR", "MONTH");

    public static String fieldName(int field) { return NAMES.get(field); }

    @Override public String sql() {
      return startField == endField
          ? "INTERVAL " + fieldName(startField)
          : "INTERVAL " + fieldName(startField) + " TO " + fieldName(endField);
    }
  }

  /** Day-time interval; fields: 0 = DAY, 1 = HOUR, 2 = MINUTE, 3 = SECOND. */
  record DayTimeIntervalType(int startField, int endField) implements SparkType {
    public static final int DAY = 0;
    public static final int HOUR = 1;
    public static final int MINUTE = 2;
    public static final int SECOND = 3;
    public static final DayTimeIntervalType DEFAULT = new DayTimeIntervalType(DAY, SECOND);
    private static final List<String> NAMES = List.of("DAY", "HOUR", "MINUTE", "SECOND");

    public static String fieldName(int field) { return NAMES.get(field); }

    @Override public String sql() {
      return startField == endField
          ? "INTERVAL " + fieldName(startField)
          : "INTERVAL " + fieldName(startField) + " TO " + fieldName(endField);
    }
  }

  /** The legacy calendar interval (months, days, microseconds). */
  record CalendarIntervalType() implements SparkType {
    @Override public String sql() { return "INTERVAL"; }
  }

  record VariantType() implements SparkType {
    @Override public String sql() { return "VARIANT"; }
  }

  /** GEOMETRY(srid); srid -1 stands for ANY. Parsed for fidelity, not transportable in Arrow. */
  record GeometryType(int srid) implements SparkType {
    @Override public String sql() { return "GEOMETRY(" + (srid < 0 ? "ANY" : srid) + ")"; }
  }

  /** GEOGRAPHY(srid); srid -1 stands for ANY. Parsed for fidelity, not transportable in Arrow. */
  record GeographyType(int srid) implements SparkType {
    @Override public String sql() { return "GEOGRAPHY(" + (srid < 0 ? "ANY" : srid) + ")"; }
  }

  record ArrayType(SparkType elementType, boolean containsNull) implements SparkType {
    @Override public String sql() { return "ARRAY<" + elementType.sql() + ">"; }
  }

  record MapType(SparkType keyType, SparkType valueType, boolean valueContainsNull)
      implements SparkType {
    @Override public String sql() { return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">"; }
  }

  record StructType(List<StructField> fields) implements SparkType {
    public static final StructType EMPTY = new StructType(List.of());

    public StructType {
      fields = List.copyOf(fields);
    }

    public static StructType of(StructField... fields) { return new StructType(List.of(fields)); }

    public int size() { return fields.size(); }

    public StructField field(int i) { return fields.get(i); }

    @Override public String sql() {
      return fields.stream().map(StructField::sql)
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
  }

  /**
   * A user-defined type as described by a JSON schema: only its SQL representation matters to
   * the server (Spark normalises UDTs to their sqlType before applying a schema).
   */
  record UserDefinedType(String jvmClass, String pyClass, String serializedPyClass,
      SparkType sqlType) implements SparkType {
    @Override public String sql() { return sqlType.sql(); }
  }

  /** Quotes an identifier with backticks unless it is a plain identifier, as Spark does in SQL. */
  static String quoteIfNeeded(String name) {
    if (name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }
}
