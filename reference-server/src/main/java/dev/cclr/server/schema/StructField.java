package dev.cclr.server.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One field of a {@link SparkType.StructType}. Metadata is kept as a compact JSON object text,
 * which is how Spark's protos carry it; "{}" means no metadata.
 */
public record StructField(String name, SparkType type, boolean nullable, String metadataJson) {

  public static final String NO_METADATA = "{}";
  private static final ObjectMapper JSON = new ObjectMapper();

  public StructField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    metadataJson = metadataJson == null || metadataJson.isBlank() ? NO_METADATA : metadataJson;
  }

  public StructField(String name, SparkType type, boolean nullable) {
    this(name, type, nullable, NO_METADATA);
  }

  public boolean hasMetadata() {
    return !NO_METADATA.equals(metadataJson);
  }

  public StructField withName(String newName) {
    return new StructField(newName, type, nullable, metadataJson);
  }

  public StructField withType(SparkType newType) {
    return new StructField(name, newType, nullable, metadataJson);
  }

  /** The comment recorded by DDL {@code COMMENT '...'}, or null. */
  public String comment() {
    JsonNode node = metadata().get("comment");
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /** The metadata as a mutable JSON object (a copy). */
  public ObjectNode metadata() {
    try {
      JsonNode node = JSON.readTree(metadataJson);
      return node instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  /** Compact JSON text for a metadata object, "{}" when empty. */
  public static String metadataText(ObjectNode metadata) {
    return metadata == null || metadata.isEmpty() ? NO_METADATA : metadata.toString();
  }

  /** As Spark renders a field inside {@code STRUCT<...>}: name, type, NOT NULL, COMMENT. */
  public String sql() {
    StringBuilder b = new StringBuilder(SparkType.quoteIfNeeded(name)).append(": ").append(type.sql());
    if (!nullable) {
      b.append(" NOT NULL");
    }
    String comment = comment();
    if (comment != null) {
      b.append(" COMMENT '").append(comment.replace("\\", "\\\\").replace("'", "\\'")).append("'");
    }
    return b.toString();
  }
}
