package dev.cclr.server.relations.reconcile;

import dev.cclr.server.schema.SparkType;
import java.time.ZoneId;
import org.apache.arrow.vector.FieldVector;

/**
 * One cell as text, the way Spark's show() renders leaf values (the string cast, observed on
 * Spark 4.2.0); null for a null cell. Nested and binary values have other renderings that
 * this server does not produce; {@link #supports} says which types it can render.
 */
public final class CellText {

  private CellText() {}

  public static boolean supports(SparkType type) {
    return !(type instanceof SparkType.ArrayType || type instanceof SparkType.MapType
        || type instanceof SparkType.StructType || type instanceof SparkType.BinaryType
        || type instanceof SparkType.VariantType || type instanceof SparkType.UserDefinedType
        || type instanceof SparkType.GeometryType || type instanceof SparkType.GeographyType);
  }

  public static String of(FieldVector vector, int row, SparkType type, ZoneId zone) {
    Object value = CellReader.forArrowType(vector.getField().getType()).read(vector, row);
    if (value == null) {
      return null;
    }
    if (type instanceof SparkType.NullType) {
      return null;
    }
    return SparkStrings.text(type, value, zone);
  }
}
