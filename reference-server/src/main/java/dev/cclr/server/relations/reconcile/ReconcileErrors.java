package dev.cclr.server.relations.reconcile;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SparkExceptionKind;
import dev.cclr.server.schema.SparkType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The errors Spark raises while applying a user schema to local data ({@code toDF(...).to(...)})
 * and while casting values under ANSI rules, as observed on Spark 4.2.0. Column paths use Spark's
 * positional names: top-level columns are {@code col_0, col_1, ...}, struct fields likewise,
 * array elements {@code element}, map parts {@code key} and {@code value}.
 */
final class ReconcileErrors {

  private ReconcileErrors() {}

  /** `a`.`b`: every part back-quoted, joined with dots. */
  static String sqlId(List<String> path) {
    return path.stream().map(p -> "`" + p.replace("`", "``") + "`")
        .collect(Collectors.joining("."));
  }

  static String sqlType(SparkType t) {
    return "\"" + t.sql() + "\"";
  }

  static SparkError arityMismatch(int schemaColumns, int dataColumns) {
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("ASSIGNMENT_ARITY_MISMATCH")
        .sqlState("42802").param("numExpr", schemaColumns).param("numTarget", dataColumns)
        .text("The number of columns or variables assigned or aliased: " + dataColumns
            + " does not match the number of source expressions: " + schemaColumns + ".")
        .build();
  }

  static SparkError charVarcharInSchema() {
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING")
        .sqlState("0A000")
        .text("The char/varchar type can't be used in the table schema.\nIf you want Spark treat "
            + "them as string type as same as Spark 3.0 and earlier, please set "
            + "\"spark.sql.legacy.charVarcharAsString\" to \"true\".")
        .build();
  }

  static SparkError nullableColumn(List<String> path) {
    String name = sqlId(path);
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("NULLABLE_COLUMN_OR_FIELD")
        .sqlState("42000").param("name", name)
        .text("Column or field " + name + " is nullable while it's required to be non-nullable.")
        .build();
  }

  static SparkError nullableArrayElement(List<String> path) {
    String name = sqlId(path);
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("NOT_NULL_CONSTRAINT_VIOLATION.ARRAY_ELEMENT")
        .sqlState("42000").param("columnPath", name)
        .text("Assigning a NULL is not allowed here. The array " + name
            + " is defined to contain only elements that are NOT NULL.")
        .build();
  }

  static SparkError nullableMapValue(List<String> path) {
    String name = sqlId(path);
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("NOT_NULL_CONSTRAINT_VIOLATION.MAP_VALUE")
        .sqlState("42000").param("columnPath", name)
        .text("Assigning a NULL is not allowed here. The map " + name
            + " is defined to contain only values that are NOT NULL.")
        .build();
  }

  static SparkError invalidType(List<String> path, SparkType from, SparkType to) {
    String name = sqlId(path);
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("INVALID_COLUMN_OR_FIELD_DATA_TYPE")
        .sqlState("42000").param("name", name).param("type", sqlType(from))
        .param("expectedType", sqlType(to))
        .text("Column or field " + name + " is of type " + sqlType(from)
            + " while it's required to be " + sqlType(to) + ".")
        .build();
  }

  static SparkError unresolvedField(String field, List<String> path, List<String> candidates) {
    String fieldName = sqlId(List.of(field));
    String column = sqlId(path);
    String proposal = candidates.stream().map(c -> sqlId(List.of(c)))
        .collect(Collectors.joining(", "));
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("UNRESOLVED_FIELD.WITH_SUGGESTION")
        .sqlState("42703").param("fieldName", fieldName).param("columnPath", column)
        .param("proposal", proposal)
        .text("A field with name " + fieldName + " cannot be resolved with the struct-type column "
            + column + ". Did you mean one of the following? [" + proposal + "].")
        .build();
  }

  static SparkError castOverflow(String value, SparkType from, SparkType to) {
    return SparkExceptionKind.SPARK_ARITHMETIC_EXCEPTION.error("CAST_OVERFLOW").sqlState("22003")
        .param("value", value).param("sourceType", sqlType(from))
        .param("targetType", sqlType(to)).param("ansiConfig", "\"spark.sql.ansi.enabled\"")
        .text("The value " + value + " of the type " + sqlType(from) + " cannot be cast to "
            + sqlType(to) + " due to an overflow. Use `try_cast` to tolerate overflow and return "
            + "NULL instead.")
        .build();
  }

  /** The parent class has an empty message, hence the leading space Spark shows. */
  static SparkError decimalOutOfRange(String value, int precision, int scale) {
    return SparkExceptionKind.SPARK_ARITHMETIC_EXCEPTION
        .error("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION").sqlState("22003")
        .param("value", value).param("precision", precision).param("scale", scale)
        .param("config", "\"spark.sql.ansi.enabled\"")
        .text(" " + value + " cannot be represented as Decimal(" + precision + ", " + scale
            + "). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, "
            + "and return NULL instead.")
        .build();
  }
}
