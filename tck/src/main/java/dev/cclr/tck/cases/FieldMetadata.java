package dev.cclr.tck.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.DataType;
import java.util.Iterator;
import java.util.Map;

/**
 * The field metadata of a Spark {@code DataType}, which {@link SparkTypeText} leaves out: an object
 * from each field's path ({@link TypePaths}) to its metadata, for the fields that carry any, so
 * {@code s.a} is field {@code a} of struct field {@code s} and
 * {@code l.[].x} is field {@code x} of the structs in array field {@code l}.
 *
 * <p>The judge ({@link #missing}) asks only for the keys a case names: servers add metadata of their
 * own (Spark adds none to a schema blob's fields, but other servers may), and SRV-SEM-004 only
 * requires that the schema's metadata is given to the relation.
 */
final class FieldMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldMetadata() {}

  /** Path to metadata object, for each field with non-empty metadata, in schema order. */
  static ObjectNode of(DataType type) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    TypePaths.walk(type, new TypePaths.Visitor() {
      @Override
      public void field(String path, DataType.StructField f) {
        JsonNode metadata = f.hasMetadata() && !f.getMetadata().isBlank() ? parse(f.getMetadata()) : null;
        if (metadata != null && !(metadata.isObject() && metadata.isEmpty())) {
          out.set(path, metadata);
        }
      }
    });
    return out;
  }

  /** Metadata that is not a JSON object is kept as the text it was, so that a report shows it. */
  private static JsonNode parse(String metadata) {
    try {
      JsonNode node = JSON.readTree(metadata);
      return node != null && node.isObject() ? node : JsonNodeFactory.instance.textNode(metadata);
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.textNode(metadata);
    }
  }

  /**
   * Null when every field path of {@code want} carries at least the keys and values given there;
   * otherwise the sentence a report shows, naming the first field that lacks them.
   */
  static String missing(JsonNode want, JsonNode observed) {
    JsonNode got = observed == null ? JsonNodeFactory.instance.objectNode() : observed;
    for (Iterator<Map.Entry<String, JsonNode>> fields = want.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode has = got.get(field.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> keys = field.getValue().fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        JsonNode value = has == null ? null : has.get(key.getKey());
        if (value == null || !value.equals(key.getValue())) {
          return "expected field " + field.getKey() + " to carry the metadata " + field.getValue()
              + " but its metadata is " + (has == null ? "empty" : has.toString());
        }
      }
    }
    return null;
  }
}
