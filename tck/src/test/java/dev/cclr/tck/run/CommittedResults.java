package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.spec.RequirementCatalog;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The summaries in {@code spec/results} (from which the conformance page and the spec's statements
 * about Spark are checked) must say what a fresh run says: the same verdict for every case. A run
 * whose verdicts moved means the committed results, and so the spec, are stale.
 */
final class CommittedResults {
  private CommittedResults() {}

  /**
   * @param unstable cases whose verdict on this implementation changes from run to run (listed
   *     with their reason where they are passed in)
   */
  static void assertSameVerdicts(JsonNode fresh, String resultsFolder, Set<String> unstable) throws IOException {
    JsonNode committed = new ObjectMapper().readTree(
        RequirementCatalog.defaultSpecDir().resolve("results").resolve(resultsFolder).resolve("tck-summary.json").toFile());
    assertEquals(verdicts(committed, unstable), verdicts(fresh, unstable),
        "spec/results/" + resultsFolder + " is stale: copy the fresh tck-summary.json there and regenerate spec/conformance.md");
  }

  private static Map<String, String> verdicts(JsonNode summary, Set<String> unstable) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode c : summary.path("cases")) {
      String id = c.path("id").asText();
      if (!unstable.contains(id)) {
        out.put(id, c.path("verdict").asText());
      }
    }
    return out;
  }
}
