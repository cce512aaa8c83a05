package dev.cclr.tck.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client under test sent, as its driver observed it on the client side: one entry per
 * RPC, in the order the calls started. Drivers that cannot observe this report no wire section.
 */
public final class WireSummary {

  private final List<JsonNode> calls;

  WireSummary(JsonNode wire) {
    JsonNode array = wire.path("calls");
    if (!array.isArray()) {
      throw new IllegalArgumentException("wire.calls is not an array");
    }
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    this.calls = List.copyOf(list);
  }

  public List<JsonNode> calls() {
    return calls;
  }

  public List<JsonNode> calls(String method) {
    return calls.stream().filter(c -> method.equals(c.path("method").asText())).toList();
  }

  /** Position of the first call of the method in call order, or -1. */
  public int indexOfFirst(String method) {
    for (int i = 0; i < calls.size(); i++) {
      if (method.equals(calls.get(i).path("method").asText())) {
        return i;
      }
    }
    return -1;
  }

  /** Local-data relations found in ExecutePlan requests, in order. */
  public List<LocalDataRelation> executedRelations() {
    List<LocalDataRelation> out = new ArrayList<>();
    for (JsonNode call : calls("ExecutePlan")) {
      for (JsonNode r : call.path("relations")) {
        out.add(relation(r));
      }
    }
    return out;
  }

  /** Artifact names uploaded by AddArtifacts, in upload order, duplicates kept. */
  public List<String> uploadedArtifactNames() {
    List<String> out = new ArrayList<>();
    for (JsonNode call : calls("AddArtifacts")) {
      for (JsonNode a : call.path("artifacts")) {
        out.add(a.path("name").asText());
      }
    }
    return out;
  }

  /** Uploaded artifacts whose bytes sent differ from the size the client declared. */
  public List<String> incompleteUploads() {
    List<String> out = new ArrayList<>();
    for (JsonNode call : calls("AddArtifacts")) {
      for (JsonNode a : call.path("artifacts")) {
        if (a.path("declaredBytes").asLong(-1) != a.path("sentBytes").asLong(-2)) {
          out.add(a.path("name").asText());
        }
      }
    }
    return out;
  }

  public int crcMismatches() {
    return calls("AddArtifacts").stream().mapToInt(c -> c.path("crcMismatches").asInt(0)).sum();
  }

  /** Names the client asked about in ArtifactStatus calls, in order. */
  public List<String> statusQueriedNames() {
    List<String> out = new ArrayList<>();
    for (JsonNode call : calls("ArtifactStatus")) {
      call.path("names").forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  static LocalDataRelation relation(JsonNode r) {
    List<String> hashes = new ArrayList<>();
    r.path("dataHashes").forEach(h -> hashes.add(h.asText()));
    if (r.path("hash").isTextual()) {
      hashes.add(r.path("hash").asText());
    }
    return new LocalDataRelation(
        r.path("kind").asText(),
        hashes,
        textOrNull(r.path("schemaHash")),
        r.path("dataBytes").isNumber() ? r.path("dataBytes").asLong() : null,
        textOrNull(r.path("schema")));
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }
}
