package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.spec.RequirementCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The named drivers of the other real clients, each a real run: PySpark 4.1.3, 4.0.1 and 3.5.9
 * (PyPI, each in its own venv made on first use), pyspark-client-rust 4.2.0 (PyPI) and the Go
 * client (Go module proxy, driver built by the kit on first use). Narrow: two cases each, one on
 * the relation the client sent (for the Go client and PySpark 3.5, which wrap it in a ToDF, that
 * it is judged at all) and one on the rows it returned; their verdicts must be those committed in
 * {@code spec/results/client-<name>}, from the full runs. The first run of each makes its
 * environment (see the README for how long each takes).
 */
@Tag("real-spark")
class ThirdPartyClientDriversTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "pyspark:4.1.3,       spark-4.2, client-pyspark-4.1.3,                client-relation-well-formed, client-schema-blob-first",
      "pyspark:4.0.1,       spark-4.0, client-pyspark-4.0.1,                client-relation-well-formed, client-data-hashes-reproduce-input",
      "pyspark:3.5.9,       spark-4.0, client-pyspark-3.5.9,                client-relation-well-formed, client-small-data-inline",
      "pyspark-client-rust, spark-4.2, client-pyspark-client-rust-4.2.0,    client-relation-well-formed, client-small-data-inline",
      "go,                  spark-4.2, client-go-0.1.1-0.20250826122459-0e3d565b63e6, client-relation-well-formed, client-small-data-inline"})
  void verdictsAreTheCommittedOnes(String driver, String profile, String results, String relationCase, String rowsCase)
      throws Exception {
    List<String> cases = List.of(relationCase, rowsCase);
    TckRuns.Outcome run = TckRuns.client(driver, Profile.parse(profile), cases,
        Path.of("target/tck-reports/third-party-" + driver.replace(':', '-')));
    assertNotEquals(2, run.exitCode(), "the run could not judge " + driver + "\n" + run.console());
    Map<String, String> fresh = verdicts(run.summary(), cases);
    assertNotEquals("NOT_OBSERVED", fresh.get(relationCase),
        driver + " was not judged on the relation it sent: " + message(run.summary(), relationCase));
    JsonNode committed = new ObjectMapper().readTree(RequirementCatalog.defaultSpecDir().resolve("results").resolve(results)
        .resolve("tck-summary.json").toFile());
    assertEquals(verdicts(committed, cases), fresh, driver + ": verdicts differ from spec/results/" + results
        + "; messages: " + message(run.summary(), relationCase) + " | " + message(run.summary(), rowsCase));
  }

  private static Map<String, String> verdicts(JsonNode summary, List<String> cases) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode c : summary.path("cases")) {
      if (cases.contains(c.path("id").asText())) {
        out.put(c.path("id").asText(), c.path("verdict").asText());
      }
    }
    return out;
  }

  private static String message(JsonNode summary, String caseId) {
    for (JsonNode c : summary.path("cases")) {
      if (c.path("id").asText().equals(caseId)) {
        return c.path("verdict").asText() + " " + c.path("message").asText();
      }
    }
    return "(no such case)";
  }
}
