package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every server case, run on the reference server and on real Spark, gives the same outcome: the
 * same rows (names, types, nullability, values), or the same gRPC code, error class, SQLSTATE and
 * message parameters, with session-specific values normalised.
 *
 * <p>The exceptions are written down here, each with its reason, and checked both ways: a case
 * that differs without being listed fails the test, and so does a listed case that no longer
 * differs (the list must not go stale). Cases that depend on an optional extra of Spark's classpath
 * ({@link ExtraDependentCases}) are expected to differ exactly when the Spark server of this run
 * lacked that extra, as its implementation name in {@code tck-differential.json} says.
 */
@Tag("real-spark")
class DifferentialAgainstSparkTest {

  /** Where Spark deviates from the spec and the reference server follows the spec. */
  private static final Map<String, String> SPARK_DEVIATES = Map.of(
      "artifact-non-simple-cache-names-refused",
      "SRV-ART-008: Spark stores cache/ names whose key is not a simple key (it normalises the path)",
      "config-limits-not-raisable-without-bound",
      "SRV-SEC-005: Spark lets any client raise the local relation limits without bound",
      "schema-empty-string-means-absent",
      "SRV-SCH-007: Spark parses an empty schema blob as a struct with no fields and fails with ASSIGNMENT_ARITY_MISMATCH",
      "schema-empty-string-never-zero-columns",
      "SRV-SCH-007/008: the reference server reads an empty schema blob as no schema (rows); Spark fails (both allowed by the case)",
      "plan-cache-rechecks-limits",
      "SRV-SEC-006: Spark's plan cache skips the limit checks for a Relation with a plan_id it has seen");

  /** Where the reference server does not yet reproduce Spark exactly (open work, not a spec choice). */
  private static final Map<String, String> REFERENCE_GAPS = Map.of(
      "compression-unknown-codec",
      "the reference server reports an unknown codec without Spark's _LEGACY_ERROR_TEMP_3198 error class",
      "schema-unparsable",
      "the parse-error token for a string starting with 'not' differs from Spark's ANTLR parser ('not' vs '(')",
      "wrapper-unimplemented-is-not-an-invalid-plan",
      "SRV-WRP-005: the reference server does not implement Sample (Relation field 12) and answers UNIMPLEMENTED "
          + "with CCLR_UNSUPPORTED_RELATION; Spark returns the rows (the case allows both, never an invalid plan)",
      "schema-collations",
      "COLLATION_INVALID_NAME: the reference server leaves 'proposals' empty where Spark suggests close collation "
          + "names ('ne, no' for NOPE); the case checks class and SQLSTATE only",
      "chunked-offsets-decreasing",
      "SRV-CHK-003: the reference server refuses a list whose offsets decrease with its own check and no error "
          + "class; Spark fails later with _LEGACY_ERROR_TEMP_3198 (the case checks only the gRPC code)",
      "wrapper-count-grouped",
      "SRV-WRP-005: the reference server does not implement grouped aggregates, ROLLUP or CUBE and answers "
          + "UNIMPLEMENTED; Spark returns the grouped counts (the case allows both, never an invalid plan)",
      "wrapper-show-string-python-udt",
      "SRV-WRP-005: the reference server has no text form for a Python UDT and answers ShowString over one "
          + "UNIMPLEMENTED; Spark renders the sqlType values (the case allows both)");

  /**
   * Where the reference server refuses hostile input with a protection of its own (spec §12.9) and
   * its own error class, while Spark fails in some other way; the case allows both.
   */
  private static final Map<String, String> REFERENCE_PROTECTIONS = Map.of(
      "compression-declared-length-too-large",
      "SRV-SEC-007: the reference server checks declared uncompressed lengths before allocating "
          + "(CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED); Spark tries to allocate 1 TiB and fails without an error class",
      "schema-ddl-nesting-far-too-deep",
      "SRV-SEC-008: the reference server refuses a schema string nested past its bound with PARSE_SYNTAX_ERROR "
          + "(INTERNAL); Spark answers 1 000 levels with UNKNOWN and no ErrorInfo; the case allows any failure");

  /**
   * Cases whose outcome on Spark changes from run to run. They may differ or not; every
   * other case is held to the lists above both ways.
   */
  private static final Map<String, String> SPARK_UNSTABLE = Map.of(
      "local-relation-schema-only-char-and-time",
      "SRV-SCH-009: Spark's CHAR/VARCHAR message names the attributes with expression ids (c#75) that grow with "
          + "every plan Spark has seen, so the message never matches; the case checks class, SQLSTATE and reason",
      "artifact-total-bytes-mismatch",
      "SRV-ART-003: after failing the call, Spark (4.1.2 and 4.2.0) sometimes has the artifact stored and sometimes not",
      "artifact-more-pieces-than-announced",
      "SRV-ART-002: after failing the call, Spark 4.2.0 sometimes has the artifact stored and sometimes not",
      "execute-release-until-includes-the-named-response",
      "SRV-SEM-016: INVALID_CURSOR.POSITION_NOT_AVAILABLE names the first response the server no longer has by its "
          + "index and id; Spark sends as many execution-progress responses between batches as its timing gives, so "
          + "that index differs from run to run and from the reference server's; the case checks class, SQLSTATE and reason");
  // Cases whose difference depends on which optional Spark extras resolved (ReleaseSession needs
  // spark-mllib) are not unstable: ExtraDependentCases expects them to differ exactly when the run
  // says the extra was missing.

  @Test
  void referenceServerAnswersLikeSpark420() throws Exception {
    assertOnlyKnownDifferences("spark:4.2.0", "spark-4.2", merge(SPARK_DEVIATES, REFERENCE_GAPS, REFERENCE_PROTECTIONS), SPARK_UNSTABLE);
  }

  @Test
  void referenceServerIn41StyleAnswersLikeSpark412() throws Exception {
    assertOnlyKnownDifferences("spark:4.1.2", "spark-4.1", merge(SPARK_DEVIATES, REFERENCE_GAPS, REFERENCE_PROTECTIONS),
        SPARK_UNSTABLE);
  }

  @SafeVarargs
  private static Map<String, String> merge(Map<String, String>... maps) {
    Map<String, String> out = new TreeMap<>();
    for (Map<String, String> m : maps) {
      out.putAll(m);
    }
    return out;
  }

  private static void assertOnlyKnownDifferences(
      String spark, String profile, Map<String, String> known, Map<String, String> unstable) throws Exception {
    Path dir = Path.of("target/tck-reports/differential-" + profile);
    TckRuns.Outcome run = TckRuns.run("embedded", Optional.of(spark), profile, dir);
    JsonNode report = new ObjectMapper().readTree(dir.resolve(DifferentialReport.FILE).toFile());
    assertTrue(report.path("versusImplementation").asText().startsWith("Apache Spark "),
        "the differential report does not say which Spark server ran: " + report.path("versusImplementation"));
    Map<String, String> expected = new TreeMap<>(known);
    expected.putAll(ExtraDependentCases.dependingOn(
        ExtraDependentCases.missingIn(report.path("versusImplementation").asText())));
    JsonNode differences = report.path("differences");
    TreeSet<String> differing = new TreeSet<>();
    differences.fieldNames().forEachRemaining(differing::add);
    differing.removeAll(unstable.keySet());
    assertEquals(new TreeSet<>(expected.keySet()), differing,
        "reference server vs " + spark + " (" + report.path("versusImplementation").asText()
            + "): the cases that differ are not the listed ones:\n" + differences.toPrettyString());
    assertEquals(0, run.exitCode(), run.console());
  }
}
