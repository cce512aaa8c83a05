package dev.cclr.server.schema;

/**
 * Spark's StructType.treeString (printSchema, AnalyzePlan tree_string; observed on Spark 4.2.0):
 * "root", then one " |-- name: type (nullable = b)" line per field, nested fields, array
 * elements and map keys/values indented by "    |" per level. A level above 0 hides fields
 * nested deeper than it.
 */
public final class SchemaTree {

  private SchemaTree() {}

  public static String of(SparkType.StructType schema, int level) {
    StringBuilder sb = new StringBuilder("root\n");
    int maxDepth = level > 0 ? level : Integer.MAX_VALUE;
    fields(sb, schema, " |", 1, maxDepth);
    return sb.toString();
  }

  private static void fields(StringBuilder sb, SparkType.StructType struct, String prefix, int depth,
      int maxDepth) {
    if (depth > maxDepth) {
      return;
    }
    for (StructField f : struct.fields()) {
      sb.append(prefix).append("-- ").append(f.name()).append(": ").append(typeName(f.type()))
          .append(" (nullable = ").append(f.nullable()).append(")\n");
      nested(sb, f.type(), prefix + "    |", depth + 1, maxDepth);
    }
  }

  private static void nested(StringBuilder sb, SparkType type, String prefix, int depth,
      int maxDepth) {
    if (depth > maxDepth) {
      return;
    }
    if (type instanceof SparkType.StructType s) {
      fields(sb, s, prefix, depth, maxDepth);
    } else if (type instanceof SparkType.ArrayType a) {
      sb.append(prefix).append("-- element: ").append(typeName(a.elementType()))
          .append(" (containsNull = ").append(a.containsNull()).append(")\n");
      nested(sb, a.elementType(), prefix + "    |", depth + 1, maxDepth);
    } else if (type instanceof SparkType.MapType m) {
      sb.append(prefix).append("-- key: ").append(typeName(m.keyType())).append('\n');
      nested(sb, m.keyType(), prefix + "    |", depth + 1, maxDepth);
      sb.append(prefix).append("-- value: ").append(typeName(m.valueType()))
          .append(" (valueContainsNull = ").append(m.valueContainsNull()).append(")\n");
      nested(sb, m.valueType(), prefix + "    |", depth + 1, maxDepth);
    }
  }

  /** Spark's DataType.typeName. */
  static String typeName(SparkType type) {
    if (type instanceof SparkType.IntegerType) {
      return "integer";
    }
    if (type instanceof SparkType.LongType) {
      return "long";
    }
    if (type instanceof SparkType.ShortType) {
      return "short";
    }
    if (type instanceof SparkType.ByteType) {
      return "byte";
    }
    if (type instanceof SparkType.StringType s) {
      return s.isDefaultCollation() ? "string" : "string collate " + s.collation();
    }
    if (type instanceof SparkType.ArrayType) {
      return "array";
    }
    if (type instanceof SparkType.MapType) {
      return "map";
    }
    if (type instanceof SparkType.StructType) {
      return "struct";
    }
    if (type instanceof SparkType.TimestampNtzType) {
      return "timestamp_ntz";
    }
    return type.sql().toLowerCase(java.util.Locale.ROOT);
  }
}
