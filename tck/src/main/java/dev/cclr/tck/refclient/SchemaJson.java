package dev.cclr.tck.refclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.StructField;

/** A Spark schema in the JSON struct form of spec §7.2 (CLI-SCH-002), as the schema blob carries it. */
final class SchemaJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaJson() {}

  static String render(SparkType.StructType schema) {
    return type(schema).toString();
  }

  private static JsonNode type(SparkType t) {
    if (t instanceof SparkType.StructType s) {
      ObjectNode node = JSON.createObjectNode().put("type", "struct");
      var fields = node.putArray("fields");
      for (StructField f : s.fields()) {
        ObjectNode field = fields.addObject().put("name", f.name());
        field.set("type", type(f.type()));
        field.put("nullable", f.nullable());
        field.putObject("metadata");
      }
      return node;
    }
    if (t instanceof SparkType.ArrayType a) {
      ObjectNode node = JSON.createObjectNode().put("type", "array");
      node.set("elementType", type(a.elementType()));
      return node.put("containsNull", a.containsNull());
    }
    if (t instanceof SparkType.MapType m) {
      ObjectNode node = JSON.createObjectNode().put("type", "map");
      node.set("keyType", type(m.keyType()));
      node.set("valueType", type(m.valueType()));
      return node.put("valueContainsNull", m.valueContainsNull());
    }
    return JSON.getNodeFactory().textNode(atomic(t));
  }

  private static String atomic(SparkType t) {
    if (t instanceof SparkType.DecimalType d) {
      return "decimal(" + d.precision() + "," + d.scale() + ")";
    }
    if (t instanceof SparkType.BooleanType) return "boolean";
    if (t instanceof SparkType.ByteType) return "byte";
    if (t instanceof SparkType.ShortType) return "short";
    if (t instanceof SparkType.IntegerType) return "integer";
    if (t instanceof SparkType.LongType) return "long";
    if (t instanceof SparkType.FloatType) return "float";
    if (t instanceof SparkType.DoubleType) return "double";
    if (t instanceof SparkType.StringType) return "string";
    if (t instanceof SparkType.BinaryType) return "binary";
    if (t instanceof SparkType.DateType) return "date";
    if (t instanceof SparkType.TimestampType) return "timestamp";
    if (t instanceof SparkType.TimestampNtzType) return "timestamp_ntz";
    if (t instanceof SparkType.NullType) return "void";
    throw new IllegalArgumentException("the reference client does not send " + t.sql());
  }
}
