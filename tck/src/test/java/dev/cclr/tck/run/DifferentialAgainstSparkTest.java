package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every server case, run on the reference server and on real Spark, gives the same outcome: the
 * same rows (names, types, nullability, values), or the same gRPC code, error class, SQLSTATE and
 * message parameters, with session-specific values normalised.
 */
@Tag("real-spark")
class DifferentialAgainstSparkTest {

  @Test
  void referenceServerAnswersLikeSpark420() throws Exception {
    assertNoDifferences("spark:4.2.0", "spark-4.2");
  }

  @Test
  void referenceServerIn41StyleAnswersLikeSpark412() throws Exception {
    assertNoDifferences("spark:4.1.2", "spark-4.1");
  }

  private static void assertNoDifferences(String spark, String profile) throws Exception {
    Path dir = Path.of("target/tck-reports/differential-" + profile);
    TckRuns.Outcome run = TckRuns.run("embedded", Optional.of(spark), profile, dir);
    JsonNode differential = new ObjectMapper().readTree(dir.resolve(DifferentialReport.FILE).toFile());
    assertEquals(0, differential.path("differences").size(), "reference server and " + spark + " differ:\n"
        + differential.path("differences").toPrettyString());
    assertEquals(0, run.exitCode(), run.console());
  }
}
