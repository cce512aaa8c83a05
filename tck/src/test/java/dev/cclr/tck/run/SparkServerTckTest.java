package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server suite against real Apache Spark, started from Maven Central jars: every MUST case
 * passes on Spark 4.2.0 (profile spark-4.2) and on Spark 4.1.2 (profile spark-4.1). SHOULD and MAY
 * cases that Spark fails are reported, not gated. The summaries land in target/tck-reports, where
 * the conformance page is generated from.
 */
@Tag("real-spark")
class SparkServerTckTest {

  @Test
  void spark420PassesEveryMustCase() throws Exception {
    check("spark:4.2.0", "spark-4.2", "spark-4.2.0");
  }

  @Test
  void spark412PassesEveryMustCaseInTheSpark41Profile() throws Exception {
    check("spark:4.1.2", "spark-4.1", "spark-4.1.2");
  }

  /**
   * Whether Spark keeps a chunked artifact whose upload failed (a total_bytes mismatch, or more
   * pieces than num_chunks announced) varies from run to run, on 4.1.2 and on 4.2.0 alike: the
   * ArtifactStatus right after the failed call sometimes answers exists = true. These cases are
   * neither gated nor compared with the committed verdicts; every other MUST case must pass.
   */
  static final java.util.Set<String> UNSTABLE =
      java.util.Set.of("artifact-total-bytes-mismatch", "artifact-more-pieces-than-announced");

  private static void check(String target, String profile, String results) throws Exception {
    TckRuns.Outcome run = TckRuns.run(target, Optional.empty(), profile,
        Path.of("target/tck-reports/" + target.replace(':', '-') + "-" + profile));
    long mustPassed = 0;
    java.util.List<String> mustNotPassed = new java.util.ArrayList<>();
    for (JsonNode c : run.summary().path("cases")) {
      if (!c.path("level").asText().equals("MUST")) {
        continue;
      }
      String verdict = c.path("verdict").asText();
      if (verdict.equals("PASS")) {
        mustPassed++;
      } else if (!UNSTABLE.contains(c.path("id").asText())
          && !verdict.equals("NOT_APPLICABLE") && !verdict.equals("SKIPPED")) {
        mustNotPassed.add(c.path("id").asText() + " " + verdict);
      }
    }
    assertEquals(java.util.List.of(), mustNotPassed, run.console());
    assertTrue(mustPassed >= 20, "only " + mustPassed + " MUST cases passed");
    CommittedResults.assertSameVerdicts(run.summary(), results, UNSTABLE);
  }
}
