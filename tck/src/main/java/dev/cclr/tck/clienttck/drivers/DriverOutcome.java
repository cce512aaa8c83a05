package dev.cclr.tck.clienttck.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.arrow.CanonicalTable;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a driver run produced: the collected rows, or the error the client raised, never both.
 *
 * @param rows the output file's rows, when the client succeeded
 * @param error the error file, when the client raised an error
 */
public record DriverOutcome(Optional<CanonicalTable> rows, Optional<ClientError> error, Duration elapsed, String stderrTail) {

  /** The error file of the contract: what the client made available to its caller. */
  public record ClientError(String phase, String exceptionType, String message, String errorClass, String sqlState,
      Map<String, String> messageParameters) {

    static ClientError from(JsonNode n) {
      Map<String, String> params = new java.util.TreeMap<>();
      n.path("messageParameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      return new ClientError(text(n, "phase"), text(n, "exceptionType"), text(n, "message"), text(n, "errorClass"),
          text(n, "sqlState"), params);
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    public String summary() {
      return (exceptionType == null ? "error" : exceptionType) + (errorClass == null ? "" : " [" + errorClass + "]")
          + (sqlState == null ? "" : " SQLSTATE " + sqlState) + (phase == null ? "" : " in " + phase) + ": "
          + (message == null ? "" : message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }
  }

  public boolean succeeded() {
    return rows.isPresent();
  }
}
