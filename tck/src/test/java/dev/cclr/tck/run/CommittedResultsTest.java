package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.spark.SparkExtra;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A verdict that depends on spark-mllib is compared with the committed one only when both runs had
 * the same MLlib state; every other verdict always is.
 */
class CommittedResultsTest {
  private static final String WITHOUT = "Apache Spark 4.2.0 (" + SparkExtra.MLLIB.missingNote() + ")";
  private static final String WITH = "Apache Spark 4.2.0";
  private static final String RELEASE = "session-release-discards-blobs";

  @Test
  void anMllibDependentVerdictIsNotComparedWhenTheMllibStateChanged() {
    assertDoesNotThrow(() -> CommittedResults.assertSameVerdicts(
        summary(WITH, Map.of(RELEASE, "PASS", "other", "PASS")),
        summary(WITHOUT, Map.of(RELEASE, "FAIL", "other", "PASS")), "spark-4.2.0", Set.of()));
  }

  @Test
  void anMllibDependentVerdictIsComparedWhenTheMllibStateIsTheSame() {
    assertThrows(AssertionFailedError.class, () -> CommittedResults.assertSameVerdicts(
        summary(WITHOUT, Map.of(RELEASE, "PASS")), summary(WITHOUT, Map.of(RELEASE, "FAIL")), "spark-4.2.0", Set.of()));
    assertThrows(AssertionFailedError.class, () -> CommittedResults.assertSameVerdicts(
        summary(WITH, Map.of(RELEASE, "PASS")), summary(WITH, Map.of(RELEASE, "FAIL")), "spark-4.2.0", Set.of()));
  }

  @Test
  void otherVerdictsAreComparedWhateverTheMllibState() {
    assertThrows(AssertionFailedError.class, () -> CommittedResults.assertSameVerdicts(
        summary(WITH, Map.of("other", "PASS")), summary(WITHOUT, Map.of("other", "FAIL")), "spark-4.2.0", Set.of()));
  }

  @Test
  void theMissingExtrasAreReadFromTheImplementationName() {
    assertEquals(Set.of(SparkExtra.MLLIB), ExtraDependentCases.missingIn(WITHOUT));
    assertEquals(Set.of(), ExtraDependentCases.missingIn(WITH));
    assertEquals(Set.of(), ExtraDependentCases.missingIn("cclr reference server"));
  }

  private static JsonNode summary(String implementation, Map<String, String> verdicts) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("implementation", implementation);
    var cases = root.putArray("cases");
    verdicts.forEach((id, verdict) -> cases.addObject().put("id", id).put("verdict", verdict));
    return root;
  }
}
