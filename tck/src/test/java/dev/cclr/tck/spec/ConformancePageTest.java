package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.matrix.MatrixFile;
import dev.cclr.tck.matrix.MatrixResults;
import dev.cclr.tck.matrix.MatrixRow;
import dev.cclr.tck.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec/conformance.md} and {@code spec/conformance.html} are exactly what the generator makes
 * from the committed summaries in {@code spec/results/} (in the order of {@code matrix.json}): the
 * pages cannot be edited by hand without this test failing. And what the page shows: where each
 * implementation came from, the findings before the tables, crashes before failures.
 */
class ConformancePageTest {

  @TempDir
  Path dir;

  @Test
  void committedPagesAreGeneratedFromTheCommittedSummaries() throws Exception {
    Path spec = RequirementCatalog.defaultSpecDir();
    Path results = spec.resolve("results");
    List<ResultColumn> columns = MatrixResults.columns(results, MatrixFile.load(results.resolve("matrix.json")));
    assertTrue(columns.size() >= 10, "expected the results of every matrix row: " + columns.size());
    RequirementCatalog catalog = RequirementCatalog.load(spec.resolve("requirements.yaml"));
    assertEquals(ConformancePage.renderColumns(catalog, columns), Files.readString(spec.resolve("conformance.md")),
        "regenerate with: " + ConformancePage.COMMAND);
    assertEquals(ConformanceHtml.render(catalog, columns), Files.readString(spec.resolve("conformance.html")),
        "regenerate with: " + ConformancePage.COMMAND);
  }

  @Test
  void everyRunSaysItsVersionInstallationAndDate() throws Exception {
    MatrixRow row = MatrixFile.parse("{\"rows\":[{\"id\":\"old\",\"role\":\"server\",\"target\":\"spark:4.2.0\",\"version\":\"4.2.0\","
        + "\"install\":\"Maven Central jars\"},{\"id\":\"own\",\"role\":\"client\",\"driver\":\"reference\",\"install\":\"this repository\"}]}", "m.json").get(0);
    MatrixRow own = MatrixFile.parse("{\"rows\":[{\"id\":\"own\",\"role\":\"client\",\"driver\":\"reference\",\"install\":\"this repository\"}]}", "m.json").get(0);
    Path recorded = SummaryFiles.server("Server A 1.0", "sail", "2026-11-21T23:59:00Z").provenance("1.0", "PyPI wheel a==1.0")
        .add("c1", "SRV-SES-001", "MUST", Verdict.PASS, "", null).write(dir.resolve("a"));
    Path old = SummaryFiles.server("Apache Spark 4.2.0", "spark:4.2.0", "2026-10-01T08:00:00Z")
        .add("c1", "SRV-SES-001", "MUST", Verdict.PASS, "", null).write(dir.resolve("old"));
    Path ownClient = SummaryFiles.client("cclr reference client", "reference", "2026-10-02T08:00:00Z")
        .add("k1", "CLI-ALG-001", "MUST", Verdict.PASS, "", null).write(dir.resolve("own"));
    String md = ConformancePage.renderColumns(catalog(), List.of(ResultColumn.read(recorded, java.util.Optional.of(row.provenanceFallback())),
        ResultColumn.read(old, java.util.Optional.of(row.provenanceFallback())), ResultColumn.read(old), ResultColumn.read(ownClient, java.util.Optional.of(own.provenanceFallback()))));
    assertTrue(md.contains("| run | suite | version | installed from | run on | target | profile | MUST cases passed |"), md);
    assertTrue(md.contains("| Server A 1.0 (spark-4.2) | server | 1.0 | PyPI wheel a==1.0 | 2026-11-21 | `sail` | spark-4.2 | 1 / 1 |"),
        "the summary's own record wins over the row's: " + md);
    assertTrue(md.contains("| Apache Spark 4.2.0 (spark-4.2) | server | 4.2.0 | Maven Central jars | 2026-10-01 | `spark:4.2.0` |"),
        "a summary written before provenance was recorded takes its matrix row's: " + md);
    assertTrue(md.contains("| Apache Spark 4.2.0 (spark-4.2) | server | not recorded | not recorded | 2026-10-01 |"),
        "without a row, the page says so: " + md);
    assertTrue(md.contains("| cclr reference client | client | test | this repository | 2026-10-02 |"),
        "the kit's own implementation has the TCK's version: " + md);
  }

  @Test
  void findingsComeBeforeTheTablesAndCrashesBeforeFailures() throws Exception {
    List<ResultColumn> columns = new ArrayList<>(FindingsTest.twoServers(dir));
    String md = ConformancePage.renderColumns(catalog(), columns);
    int findings = md.indexOf("\n## Findings\n");
    int crashes = md.indexOf("\n### Crashes\n");
    int causes = md.indexOf("\n### MUST failures by cause\n");
    int servers = md.indexOf("\n## Servers\n");
    assertTrue(findings > 0 && findings < crashes && crashes < causes && causes < servers, md);
    assertTrue(md.contains("| Server A 1.0 (spark-4.2) | `c5` | the server process (pid 19027) exited with code 134 | "
        + "`the offset of the new Buffer cannot exceed the existing length: slice offset=8` | restarted; the run went on with the next case |"), md);
    int unsupported = md.indexOf("#### `the call failed: INTERNAL errorClass=null reason=java.lang.UnsupportedOperationException`\n\n"
        + "3 cases, 2 implementations.");
    int wrongCode = md.indexOf("#### `expected gRPC INTERNAL but got INVALID_ARGUMENT errorClass=null reason=org.apache.spark.SparkException`");
    assertTrue(causes < unsupported && unsupported < wrongCode && wrongCode < servers, "largest cause first: " + md);
    assertTrue(md.contains("| Server B 2.0 (spark-4.2) | `c2` | ERROR | `" + FindingsTest.UNSUPPORTED.replace("|", "\\|") + "` |"), md);
    assertTrue(md.contains("| Server B 2.0 (spark-4.2) | `c1` | FAIL | `{\"error\":{\"code\":\"INVALID_ARGUMENT\"}}` |"), md);
  }

  static RequirementCatalog catalog() {
    return RequirementCatalog.load(RequirementCatalog.defaultSpecDir().resolve("requirements.yaml"));
  }
}
