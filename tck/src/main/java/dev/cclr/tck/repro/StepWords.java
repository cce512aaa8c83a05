package dev.cclr.tck.repro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.cases.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * A server case's step in plain words, for the README of a reproduction bundle: which Spark Connect
 * call it makes, with what, and what a conforming server answers. The exact step (the manifest's
 * JSON) is quoted too, so nothing is lost in the retelling.
 */
final class StepWords {
  private StepWords() {}

  /** What the step sends, in one sentence. */
  static String call(JsonNode step) {
    Op op = Op.parse(step.path("op").asText());
    String session = step.has("session") ? " (in the case's session \"" + step.get("session").asText() + "\")" : "";
    if (step.has("sessionId")) {
      session += " with the literal session_id \"" + step.get("sessionId").asText() + "\"";
    }
    return switch (op) {
      case SET_CONFIG -> "Config `set` of " + step.path("pairs") + session + ".";
      case GET_CONFIG -> "Config `get` of " + step.path("keys") + session + ".";
      case UNSET_CONFIG -> "Config `unset` of " + step.path("keys") + session + ".";
      case UPLOAD -> "AddArtifacts: one call uploading the blobs " + blobs(step.path("artifacts"))
          + " as cache artifacts named `cache/<sha256 of the blob>`, framed as Spark's clients frame them" + session + ".";
      case UPLOAD_RAW -> "AddArtifacts: one call made of exactly these request messages, in order: " + step.path("messages")
          + session + ".";
      case STATUS -> "ArtifactStatus of the names " + step.path("names") + session + ".";
      case EXECUTE -> "ExecutePlan of a plan whose root is " + relation(step) + session + ".";
      case ANALYZE -> "AnalyzePlan `schema` of " + relation(step) + session + ".";
      case RELEASE_SESSION -> "ReleaseSession" + (step.path("allowReconnect").asBoolean(false) ? " with allow_reconnect" : "")
          + session + ".";
      case FETCH_ERROR_DETAILS -> "FetchErrorDetails of the errorId of the latest earlier failed call" + session + ".";
      case REATTACH_EXECUTE -> "ReattachExecute of " + operation(step)
          + (step.has("lastResponse") ? " with last_response_id " + response(step.get("lastResponse")) : " without last_response_id")
          + session + ".";
      case RELEASE_EXECUTE -> "ReleaseExecute of " + operation(step)
          + (step.has("until") ? " with release_until " + response(step.get("until")) : " with release_all") + session + ".";
    };
  }

  private static String operation(JsonNode step) {
    return "latest".equals(step.path("operation").asText())
        ? "the operation id of the latest earlier ExecutePlan" : "a fresh operation id no ExecutePlan used";
  }

  private static String response(JsonNode selector) {
    if (selector.isObject()) {
      return "the id of the response that carried that ExecutePlan's arrow_batch number " + selector.path("arrowBatch").asInt();
    }
    return "last".equals(selector.asText()) ? "the id of that ExecutePlan's last response" : "a fresh UUID the operation never sent";
  }

  /** What a conforming server answers, in one sentence. */
  static String expected(JsonNode step) {
    JsonNode expect = step.path("expect");
    if (expect.isMissingNode() || expect.isEmpty()) {
      return "the call succeeds (nothing more is checked).";
    }
    if (expect.has("error")) {
      JsonNode error = expect.get("error");
      List<String> parts = new ArrayList<>();
      parts.add("gRPC status " + error.path("code").asText("(any code)"));
      error.fieldNames().forEachRemaining(f -> {
        if (!f.equals("code")) {
          parts.add(f + " " + error.get(f));
        }
      });
      return "the call fails with " + String.join(", ", parts) + ".";
    }
    if (expect.has("rows")) {
      return "the call succeeds with exactly the rows of blob `" + expect.get("rows").asText() + "` (blobs/"
          + expect.get("rows").asText() + ".bin), in order.";
    }
    return "the call succeeds with " + expect + ".";
  }

  /** The step as the manifest writes it, without its expectation. */
  static String exact(JsonNode step) {
    ObjectNode request = step.deepCopy();
    request.remove("expect");
    return request.toString();
  }

  private static String relation(JsonNode step) {
    JsonNode chunked = step.path("chunked");
    if (!chunked.isMissingNode()) {
      String schema = chunked.has("schema") ? " and schemaHash = the sha256 of blob `" + chunked.get("schema").asText() + "`" : "";
      return "a chunked cached local relation (Relation field 45) with dataHashes = the sha256 of the blobs "
          + blobs(chunked.path("data")) + schema + (step.has("wrap") ? ", wrapped in " + step.get("wrap") : "");
    }
    return "the relation " + exact(step);
  }

  private static String blobs(JsonNode keys) {
    List<String> out = new ArrayList<>();
    keys.forEach(k -> out.add("`" + (k.isTextual() ? k.asText() : k.toString()) + "`"));
    return String.join(", ", out);
  }
}
