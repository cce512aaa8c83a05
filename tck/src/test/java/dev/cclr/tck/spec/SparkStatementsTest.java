package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every statement the spec makes about real Spark is backed by a TCK run against real Spark, not
 * by prose alone: for each requirement, what {@code spark_4_2} and {@code spark_4_1} say must agree
 * with the verdicts of its cases in the Spark runs committed in {@code spec/results} (the server
 * suite against Spark 4.2.0 and 4.1.2, the client suite with the Spark JVM clients 4.2.0 and
 * 4.1.3, all produced by {@code ./mvnw verify}):
 *
 * <ul>
 *   <li>"conforms" only if every judged case passed, "deviates" only if one failed;
 *   <li>a requirement none of whose cases ran on Spark may only say "unverified" (or "n/a" when it
 *       does not concern Spark, e.g. the strict profile).
 * </ul>
 */
class SparkStatementsTest {

  private static final Path SPEC = RequirementCatalog.defaultSpecDir();

  @Test
  void sparkStatementsAgreeWithTheTckRunsAgainstSpark() throws Exception {
    RequirementCatalog catalog = RequirementCatalog.load(SPEC.resolve("requirements.yaml"));
    Map<String, List<String>> v42 = verdicts("spark-4.2.0", "client-spark-jvm-4.2.0");
    Map<String, List<String>> v41 = verdicts("spark-4.1.2", "client-spark-jvm-4.1.3");
    List<String> problems = new ArrayList<>();
    for (Requirement r : catalog.all()) {
      check(r.id(), "spark_4_2", r.spark42(), v42.getOrDefault(r.id(), List.of()), problems);
      check(r.id(), "spark_4_1", r.spark41(), v41.getOrDefault(r.id(), List.of()), problems);
    }
    assertEquals(List.of(), problems, "spec statements about Spark that the TCK runs against Spark do not back");
  }

  private static void check(String id, String field, String statement, List<String> verdicts, List<String> problems) {
    String s = statement == null ? "" : statement.trim();
    if (verdicts.isEmpty()) {
      if (!s.startsWith("unverified") && !s.startsWith("n/a")) {
        problems.add(id + " " + field + " says '" + abbreviate(s) + "' but no case of it ran on Spark: say 'unverified: ...'"
            + " (or 'n/a: ...' where the requirement does not concern Spark)");
      }
      return;
    }
    boolean failed = verdicts.contains("FAIL");
    if (verdicts.contains("ERROR")) {
      problems.add(id + " " + field + ": a case errored on Spark " + verdicts);
    } else if (failed && !s.startsWith("deviates")) {
      problems.add(id + " " + field + " says '" + abbreviate(s) + "' but a case failed on Spark: " + verdicts);
    } else if (!failed && !s.startsWith("conforms")) {
      problems.add(id + " " + field + " says '" + abbreviate(s) + "' but every case passed on Spark: " + verdicts);
    }
  }

  /** Requirement id → verdicts (PASS/FAIL/ERROR) of its judged cases in these runs. */
  private static Map<String, List<String>> verdicts(String... runs) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    for (String run : runs) {
      JsonNode summary = new ObjectMapper().readTree(SPEC.resolve("results").resolve(run).resolve("tck-summary.json").toFile());
      for (JsonNode c : summary.path("cases")) {
        String verdict = c.path("verdict").asText();
        if (verdict.equals("SKIPPED") || verdict.equals("NOT_APPLICABLE")) {
          continue;
        }
        for (JsonNode req : c.path("requirements")) {
          out.computeIfAbsent(req.asText(), k -> new ArrayList<>()).add(verdict + " " + c.path("id").asText());
        }
      }
    }
    // Keep the case ids for messages, but test verdict words.
    Map<String, List<String>> words = new TreeMap<>();
    out.forEach((k, v) -> words.put(k, v.stream().map(x -> x.substring(0, x.indexOf(' '))).toList()));
    return words;
  }

  private static String abbreviate(String s) {
    return s.length() > 70 ? s.substring(0, 70) + "…" : s;
  }
}
