package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.DataType;

/**
 * The collations of a Spark {@code DataType}'s strings, which {@link SparkTypeText} leaves out: an
 * object from the path of each string type with a collation other than the default to that
 * collation's name. A path names the fields from the top down, joined with {@code .}, as
 * {@link FieldMetadata}'s do, and goes on to the string itself: {@code []} for an array's element,
 * {@code {}} for a map's value and {@code {key}} for its key, so {@code s} is the string field
 * {@code s}, {@code l.[]} the strings of array field {@code l} and {@code t.x} field {@code x} of
 * struct field {@code t}.
 *
 * <p>The default collation is left out in both spellings the protocol uses for it: 4.2.0 sends an
 * empty name, 4.1.2 {@code UTF8_BINARY}.
 */
final class StringCollations {
  private static final String DEFAULT = "UTF8_BINARY";

  private StringCollations() {}

  /** Path to collation name, for each string type with a collation other than the default. */
  static ObjectNode of(DataType type) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    TypePaths.walk(type, new TypePaths.Visitor() {
      @Override
      public void type(String path, DataType t) {
        if (t.getKindCase() == DataType.KindCase.STRING) {
          String collation = t.getString().getCollation();
          if (!collation.isEmpty() && !collation.equalsIgnoreCase(DEFAULT)) {
            out.put(path, collation);
          }
        }
      }
    });
    return out;
  }

  /**
   * Null when the observed collations are exactly those wanted (no string may gain or lose one);
   * otherwise the sentence a report shows.
   */
  static String differs(JsonNode want, JsonNode observed) {
    JsonNode got = observed == null ? JsonNodeFactory.instance.objectNode() : observed;
    return want.equals(got) ? null : "expected the string collations " + want + " but got " + got;
  }
}
