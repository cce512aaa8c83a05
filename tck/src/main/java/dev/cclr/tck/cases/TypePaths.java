package dev.cclr.tck.cases;

import dev.cclr.proto.DataType;

/**
 * One walk over a Spark {@code DataType} with the paths that {@link FieldMetadata} and
 * {@link StringCollations} report: field names from the top down joined with {@code .}, {@code []}
 * for an array's element, {@code {}} for a map's value and {@code {key}} for its key. One copy, so
 * that the two observations cannot name the same place differently.
 */
final class TypePaths {
  /** What a walk reports; a visitor overrides what it needs. */
  interface Visitor {
    /** Every type, with the path to it (the top-level struct's path is empty). */
    default void type(String path, DataType type) { }

    /** Every struct field, with the path to it. */
    default void field(String path, DataType.StructField field) { }
  }

  private TypePaths() {}

  static void walk(DataType type, Visitor visitor) {
    walk(type, "", visitor);
  }

  private static void walk(DataType t, String path, Visitor visitor) {
    visitor.type(path, t);
    switch (t.getKindCase()) {
      case STRUCT -> {
        for (DataType.StructField f : t.getStruct().getFieldsList()) {
          String fieldPath = join(path, f.getName());
          visitor.field(fieldPath, f);
          walk(f.getDataType(), fieldPath, visitor);
        }
      }
      case ARRAY -> walk(t.getArray().getElementType(), join(path, "[]"), visitor);
      case MAP -> {
        walk(t.getMap().getKeyType(), join(path, "{key}"), visitor);
        walk(t.getMap().getValueType(), join(path, "{}"), visitor);
      }
      default -> { }
    }
  }

  private static String join(String path, String part) {
    return path.isEmpty() ? part : path + "." + part;
  }
}
