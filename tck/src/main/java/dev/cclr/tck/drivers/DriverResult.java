package dev.cclr.tck.drivers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parsed result file of a driver run (driver contract version 1).
 *
 * <p>Parsing is strict about the fields every judgement needs: a result missing one of them is
 * rejected rather than read as zero or false.
 */
public final class DriverResult {

  static final int CONTRACT_VERSION = 1;
  private static final List<String> REQUIRED = List.of(
      "contractVersion", "scenario", "clientVersion", "rowsIn", "rowsOut", "equal", "firstDifference",
      "count", "schemaIn", "schemaOut", "schemaEqual", "elapsedMs", "timingsMs", "exception");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode root;
  private final WireSummary wire;

  private DriverResult(JsonNode root) {
    this.root = root;
    JsonNode w = root.path("wire");
    this.wire = w.isObject() ? new WireSummary(w) : null;
  }

  public static DriverResult parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("result is not a JSON object");
    }
    for (String field : REQUIRED) {
      if (!root.has(field)) {
        throw new IllegalArgumentException("result lacks field '" + field + "'");
      }
    }
    if (root.path("contractVersion").asInt() != CONTRACT_VERSION) {
      throw new IllegalArgumentException("unsupported driver contract version " + root.get("contractVersion"));
    }
    if (!root.path("equal").isBoolean() || !root.path("schemaEqual").isBoolean()) {
      throw new IllegalArgumentException("equal and schemaEqual must be booleans");
    }
    return new DriverResult(root);
  }

  public String scenario() {
    return root.path("scenario").asText();
  }

  public String clientVersion() {
    return text("clientVersion");
  }

  public String serverVersion() {
    return text("serverVersion");
  }

  public OptionalLong rowsIn() {
    return optionalLong("rowsIn");
  }

  public OptionalLong rowsOut() {
    return optionalLong("rowsOut");
  }

  public OptionalLong count() {
    return optionalLong("count");
  }

  /** True only when the collected rows equal the input rows, in order. */
  public boolean equal() {
    return root.path("equal").asBoolean();
  }

  public String firstDifference() {
    return text("firstDifference");
  }

  public String schemaIn() {
    return text("schemaIn");
  }

  public String schemaOut() {
    return text("schemaOut");
  }

  public boolean schemaEqual() {
    return root.path("schemaEqual").asBoolean();
  }

  public long elapsedMs() {
    return root.path("elapsedMs").asLong();
  }

  public Map<String, Long> timingsMs() {
    Map<String, Long> m = new LinkedHashMap<>();
    root.path("timingsMs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }

  /** The exception that stopped the scenario, if any. */
  public Optional<DriverError> exception() {
    return error(root.path("exception"));
  }

  /** An exception from closing the session, reported apart from the scenario's outcome. */
  public Optional<DriverError> closeException() {
    return error(root.path("closeException"));
  }

  /** The client-side observation of the RPCs, when the driver provides one. */
  public Optional<WireSummary> wire() {
    return Optional.ofNullable(wire);
  }

  public JsonNode json() {
    return root;
  }

  @Override
  public String toString() {
    return "DriverResult{scenario=" + scenario() + ", client=" + clientVersion() + ", server=" + serverVersion()
        + ", rowsIn=" + root.get("rowsIn") + ", rowsOut=" + root.get("rowsOut") + ", equal=" + equal()
        + ", firstDifference=" + firstDifference() + ", count=" + root.get("count")
        + ", schemaEqual=" + schemaEqual() + ", exception=" + exception().orElse(null) + "}";
  }

  private Optional<DriverError> error(JsonNode e) {
    if (!e.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new DriverError(
        e.path("phase").asText(null), e.path("class").asText(null), e.path("message").asText(null),
        e.path("errorClass").isTextual() ? e.path("errorClass").asText() : null,
        e.path("sqlState").isTextual() ? e.path("sqlState").asText() : null));
  }

  private String text(String field) {
    JsonNode n = root.path(field);
    return n.isTextual() ? n.asText() : null;
  }

  private OptionalLong optionalLong(String field) {
    JsonNode n = root.path(field);
    return n.isIntegralNumber() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
  }
}
