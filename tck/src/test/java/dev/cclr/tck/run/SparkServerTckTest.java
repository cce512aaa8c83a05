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

  /** Whether Spark 4.1.2 keeps an artifact after a total_bytes mismatch varies from run to run. */
  private static final java.util.Set<String> UNSTABLE = java.util.Set.of("artifact-total-bytes-mismatch");

  private static void check(String target, String profile, String results) throws Exception {
    TckRuns.Outcome run = TckRuns.run(target, Optional.empty(), profile,
        Path.of("target/tck-reports/" + target.replace(':', '-') + "-" + profile));
    assertEquals(0, run.exitCode(), run.console());
    long mustPassed = 0;
    for (JsonNode c : run.summary().path("cases")) {
      if (c.path("level").asText().equals("MUST") && c.path("verdict").asText().equals("PASS")) {
        mustPassed++;
      }
    }
    assertTrue(mustPassed >= 20, "only " + mustPassed + " MUST cases passed");
    CommittedResults.assertSameVerdicts(run.summary(), results, UNSTABLE);
  }
}
