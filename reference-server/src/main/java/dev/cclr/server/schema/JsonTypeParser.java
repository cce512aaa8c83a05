package dev.cclr.server.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.server.schema.ddl.Collations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's JSON type format ({@code DataType.fromJson}), the fallback after the DDL grammars. It
 * is strict the way Spark's is: an object must have exactly the keys of one of the known shapes
 * (a struct field may omit "metadata", or "metadata" and "nullable"), and type names are matched
 * exactly ({@code "integer"}, not {@code "int"}). Any mismatch is a {@link NotAType}.
 */
public final class JsonTypeParser {

  /** The text is not a JSON type; callers report the DDL error instead, as Spark does. */
  public static final class NotAType extends Exception {
    NotAType(String message) {
      super(message, null, false, false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final String COLLATIONS_KEY = "__COLLATIONS";
  private static final Pattern FIXED_DECIMAL =
      Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
  private static final Pattern CHAR = Pattern.compile("char\\(\\s*(\\d+)\\s*\\)");
  private static final Pattern VARCHAR = Pattern.compile("varchar\\(\\s*(\\d+)\\s*\\)");
  private static final Pattern TIME = Pattern.compile("time\\(\\s*(\\d+)\\s*\\)");
  private static final Pattern COLLATED_STRING = Pattern.compile("string collate (\\S+)");

  private static final Map<String, SparkType> NAMED = new HashMap<>();

  static {
    NAMED.put("void", SparkType.NULL);
    NAMED.put("null", SparkType.NULL);
    NAMED.put("date", SparkType.DATE);
    NAMED.put("timestamp", SparkType.TIMESTAMP);
    NAMED.put("timestamp_ltz", SparkType.TIMESTAMP);
    NAMED.put("timestamp_ntz", SparkType.TIMESTAMP_NTZ);
    NAMED.put("binary", SparkType.BINARY);
    NAMED.put("integer", SparkType.INT);
    NAMED.put("boolean", SparkType.BOOLEAN);
    NAMED.put("long", SparkType.LONG);
    NAMED.put("double", SparkType.DOUBLE);
    NAMED.put("float", SparkType.FLOAT);
    NAMED.put("short", SparkType.SHORT);
    NAMED.put("byte", SparkType.BYTE);
    NAMED.put("string", SparkType.STRING);
    NAMED.put("interval", SparkType.CALENDAR_INTERVAL);
    NAMED.put("variant", SparkType.VARIANT);
    NAMED.put("decimal", SparkType.DecimalType.USER_DEFAULT);
    for (int start = 0; start <= 3; start++) {
      for (int end = start; end <= 3; end++) {
        SparkType.DayTimeIntervalType t = new SparkType.DayTimeIntervalType(start, end);
        NAMED.put(t.sql().toLowerCase(java.util.Locale.ROOT), t);
      }
    }
    NAMED.put("interval year", new SparkType.YearMonthIntervalType(0, 0));
    NAMED.put("interval month", new SparkType.YearMonthIntervalType(1, 1));
    NAMED.put("interval year to month", SparkType.YearMonthIntervalType.DEFAULT);
  }

  private JsonTypeParser() {}

  public static SparkType parse(String json) throws NotAType {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NotAType("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new NotAType("empty");
    }
    return dataType(root, "", Map.of());
  }

  private static SparkType dataType(JsonNode node, String path, Map<String, String> collations)
      throws NotAType {
    if (node.isTextual()) {
      String collation = collations.get(path);
      if (collation != null) {
        if (!node.asText().equals("string")) {
          throw new NotAType("collation on a non-string field " + path);
        }
        return new SparkType.StringType(collation);
      }
      return named(node.asText());
    }
    if (!(node instanceof ObjectNode obj)) {
      throw new NotAType("not a type: " + node);
    }
    String type = obj.path("type").isTextual() ? obj.get("type").asText() : "";
    if (collations.containsKey(path)) {
      throw new NotAType("collation on a " + type + " field " + path);
    }
    if (type.equals("array") && hasExactly(obj, "containsNull", "elementType", "type")
        && obj.get("containsNull").isBoolean()) {
      return new SparkType.ArrayType(
          dataType(obj.get("elementType"), append(path, "element"), collations),
          obj.get("containsNull").asBoolean());
    }
    if (type.equals("map")
        && hasExactly(obj, "keyType", "type", "valueContainsNull", "valueType")
        && obj.get("valueContainsNull").isBoolean()) {
      return new SparkType.MapType(
          dataType(obj.get("keyType"), append(path, "key"), collations),
          dataType(obj.get("valueType"), append(path, "value"), collations),
          obj.get("valueContainsNull").asBoolean());
    }
    if (type.equals("struct") && hasExactly(obj, "fields", "type")
        && obj.get("fields").isArray()) {
      List<StructField> fields = new ArrayList<>();
      for (JsonNode f : obj.get("fields")) {
        fields.add(structField(f));
      }
      return new SparkType.StructType(fields);
    }
    if (type.equals("udt") && hasExactly(obj, "pyClass", "serializedClass", "sqlType", "type")
        && obj.get("pyClass").isTextual() && obj.get("serializedClass").isTextual()) {
      return new SparkType.UserDefinedType(null, obj.get("pyClass").asText(),
          obj.get("serializedClass").asText(), dataType(obj.get("sqlType"), "", Map.of()));
    }
    // A JVM UDT ("class" key) needs its class on Spark's classpath; the reference server has
    // none, which is what Spark reports for an unknown class.
    throw new NotAType("not a type: " + node);
  }

  private static StructField structField(JsonNode node) throws NotAType {
    if (!(node instanceof ObjectNode obj) || !obj.path("name").isTextual()) {
      throw new NotAType("not a struct field: " + node);
    }
    String name = obj.get("name").asText();
    if (hasExactly(obj, "metadata", "name", "nullable", "type")
        && obj.get("metadata").isObject() && obj.get("nullable").isBoolean()) {
      ObjectNode metadata = ((ObjectNode) obj.get("metadata")).deepCopy();
      Map<String, String> collations = collations(metadata.get(COLLATIONS_KEY));
      metadata.remove(COLLATIONS_KEY);
      return new StructField(name, dataType(obj.get("type"), name, collations),
          obj.get("nullable").asBoolean(), StructField.metadataText(metadata));
    }
    if (hasExactly(obj, "name", "nullable", "type") && obj.get("nullable").isBoolean()) {
      return new StructField(name, dataType(obj.get("type"), "", Map.of()),
          obj.get("nullable").asBoolean());
    }
    if (hasExactly(obj, "name", "type")) {
      return new StructField(name, dataType(obj.get("type"), "", Map.of()), true);
    }
    throw new NotAType("not a struct field: " + node);
  }

  /** The "__COLLATIONS" metadata: field path to "provider.collation". */
  private static Map<String, String> collations(JsonNode node) throws NotAType {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    Map<String, String> result = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        continue;
      }
      String[] parts = e.getValue().asText().split("\\.", 2);
      if (parts.length != 2 || !(parts[0].equalsIgnoreCase("spark")
          || parts[0].equalsIgnoreCase("icu"))) {
        throw new NotAType("bad collation provider " + e.getValue());
      }
      String canonical = Collations.canonicalName(parts[1]);
      if (canonical == null) {
        throw new NotAType("unknown collation " + parts[1]);
      }
      result.put(e.getKey(), canonical);
    }
    return result;
  }

  private static SparkType named(String name) throws NotAType {
    SparkType t = NAMED.get(name);
    if (t != null) {
      return t;
    }
    Matcher m = FIXED_DECIMAL.matcher(name);
    if (m.matches()) {
      int precision = parseInt(m.group(1));
      int scale = parseInt(m.group(2));
      if (scale < 0 || scale > precision || precision > SparkType.DecimalType.MAX_PRECISION) {
        throw new NotAType("bad decimal " + name);
      }
      return new SparkType.DecimalType(precision, scale);
    }
    if ((m = CHAR.matcher(name)).matches()) {
      return new SparkType.CharType(parseInt(m.group(1)));
    }
    if ((m = VARCHAR.matcher(name)).matches()) {
      return new SparkType.VarcharType(parseInt(m.group(1)));
    }
    if ((m = TIME.matcher(name)).matches()) {
      int precision = parseInt(m.group(1));
      if (precision > 6) {
        throw new NotAType("bad time precision " + name);
      }
      return new SparkType.TimeType(precision);
    }
    if ((m = COLLATED_STRING.matcher(name)).matches()) {
      String canonical = Collations.canonicalName(m.group(1));
      if (canonical == null) {
        throw new NotAType("unknown collation " + m.group(1));
      }
      return new SparkType.StringType(canonical);
    }
    throw new NotAType("unknown type name " + name);
  }

  private static boolean hasExactly(ObjectNode obj, String... keys) {
    TreeSet<String> actual = new TreeSet<>();
    obj.fieldNames().forEachRemaining(actual::add);
    return actual.equals(new TreeSet<>(List.of(keys)));
  }

  private static String append(String path, String part) {
    return path.isEmpty() ? part : path + "." + part;
  }

  /**
   * A type name's integer parameter. Spark converts it with a plain int conversion, so a number
   * beyond an int fails the JSON reading as a whole (observed: "char(99999999999)" makes Spark
   * fall back to the DDL readings, which then fail at the first character).
   */
  private static int parseInt(String digits) throws NotAType {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new NotAType("number out of range in a type name: " + digits);
    }
  }
}
