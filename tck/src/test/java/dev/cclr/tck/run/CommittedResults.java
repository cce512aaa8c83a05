package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.spark.SparkExtra;
import dev.cclr.tck.spec.RequirementCatalog;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The summaries in {@code spec/results} (from which the conformance page and the spec's statements
 * about Spark are checked) must say what a fresh run says: the same verdict for every case. A run
 * whose verdicts moved means the committed results, and so the spec, are stale.
 *
 * <p>A case that depends on an optional extra of Spark's classpath ({@link ExtraDependentCases}) is
 * compared only when the fresh run and the committed one had the same extras (their implementation
 * names say which were missing): when the registry starts or stops serving an extra, those verdicts
 * may move without the results being stale.
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
    assertSameVerdicts(fresh, committed, resultsFolder, unstable);
  }

  /** The same, with the committed summary given (package-private for its test). */
  static void assertSameVerdicts(JsonNode fresh, JsonNode committed, String resultsFolder, Set<String> unstable) {
    Set<SparkExtra> changed = EnumSet.noneOf(SparkExtra.class);
    Set<SparkExtra> missingThen = ExtraDependentCases.missingIn(committed.path("implementation").asText());
    Set<SparkExtra> missingNow = ExtraDependentCases.missingIn(fresh.path("implementation").asText());
    for (SparkExtra extra : SparkExtra.values()) {
      if (missingThen.contains(extra) != missingNow.contains(extra)) {
        changed.add(extra);
      }
    }
    Map<String, String> notCompared = ExtraDependentCases.dependingOn(changed);
    notCompared.forEach((id, why) -> System.out.println("not compared with spec/results/" + resultsFolder + ": " + id
        + " (the committed run lacked " + missingThen + ", this one " + missingNow + "; " + why + ")"));
    Set<String> skipped = new HashSet<>(unstable);
    skipped.addAll(notCompared.keySet());
    assertEquals(verdicts(committed, skipped), verdicts(fresh, skipped),
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
