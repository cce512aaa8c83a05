package dev.cclr.server.relations.reconcile;

import dev.cclr.server.schema.SparkType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * One cell as text, the way Spark's show() renders values (its pretty-string cast, observed on
 * Spark 4.2.0 with the default {@code spark.sql.binaryOutputStyle}); null for a null cell.
 * Leaves are the string cast, binary is its bytes as upper-case hex pairs in brackets ({@code
 * [00 FF]}), arrays are {@code [a, b]}, structs {@code {a, b}}, maps {@code {k -> v, ...}}, and a
 * null inside any of them is {@code NULL}. {@link #supports} says which types it can render.
 */
public final class CellText {

  private static final String NESTED_NULL = "NULL";

  private CellText() {}

  public static boolean supports(SparkType type) {
    if (type instanceof SparkType.ArrayType a) {
      return supports(a.elementType());
    }
    if (type instanceof SparkType.MapType m) {
      return supports(m.keyType()) && supports(m.valueType());
    }
    if (type instanceof SparkType.StructType s) {
      return s.fields().stream().allMatch(f -> supports(f.type()));
    }
    return !(type instanceof SparkType.VariantType || type instanceof SparkType.UserDefinedType
        || type instanceof SparkType.GeometryType || type instanceof SparkType.GeographyType);
  }

  public static String of(FieldVector vector, int row, SparkType type, ZoneId zone) {
    if (vector.isNull(row) || type instanceof SparkType.NullType) {
      return null;
    }
    if (type instanceof SparkType.MapType m) {
      MapVector map = (MapVector) vector;
      StructVector entries = (StructVector) map.getDataVector();
      List<String> items = new ArrayList<>();
      for (int i = map.getElementStartIndex(row); i < map.getElementEndIndex(row); i++) {
        items.add(nested(entries.getChildByOrdinal(0), i, m.keyType(), zone) + " -> "
            + nested(entries.getChildByOrdinal(1), i, m.valueType(), zone));
      }
      return "{" + String.join(", ", items) + "}";
    }
    if (type instanceof SparkType.ArrayType a) {
      ListVector list = (ListVector) vector;
      List<String> items = new ArrayList<>();
      for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
        items.add(nested(list.getDataVector(), i, a.elementType(), zone));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (type instanceof SparkType.StructType s) {
      StructVector struct = (StructVector) vector;
      List<String> items = new ArrayList<>();
      for (int f = 0; f < s.fields().size(); f++) {
        items.add(nested((FieldVector) struct.getChildByOrdinal(f), row, s.fields().get(f).type(), zone));
      }
      return "{" + String.join(", ", items) + "}";
    }
    Object value = CellReader.forArrowType(vector.getField().getType()).read(vector, row);
    if (type instanceof SparkType.BinaryType) {
      byte[] bytes = (byte[]) value;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < bytes.length; i++) {
        sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xff));
      }
      return sb.append(']').toString();
    }
    return SparkStrings.text(type, value, zone);
  }

  private static String nested(org.apache.arrow.vector.ValueVector vector, int index, SparkType type, ZoneId zone) {
    String text = of((FieldVector) vector, index, type, zone);
    return text == null ? NESTED_NULL : text;
  }
}
