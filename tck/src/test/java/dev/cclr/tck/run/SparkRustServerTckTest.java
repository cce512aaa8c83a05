package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.sparkrust.SparkRustInstaller;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server suite against the Spark Rust runtime (the pinned {@code spark-rust-runtime-spark-connect-server}
 * binary, downloaded from PyPI into the kit's cache on first use and launched by the {@code sparkrust}
 * target). An interop report, not a gate: its verdicts, its crashes (it dies on two malformed-input
 * cases; the run restarts it and goes on) and the run's exit code never fail the build. What fails
 * it is a run that did not judge the binary: PyPI not serving the pinned wheel, the server not
 * starting or not restarting after a crash, a case missing, left unrun, or ended by the harness.
 */
@Tag("sparkrust")
class SparkRustServerTckTest {
  private static final String PROFILE = "spark-4.2";
  private static final Path REPORT_DIR = Path.of("target/tck-reports/sparkrust-" + PROFILE);

  @Test
  void everyCaseIsJudgedOnTheSparkRustRuntime() throws Exception {
    String version = SparkRustInstaller.pinnedVersion();
    TckRuns.Outcome run = TckRuns.run("sparkrust", Optional.empty(), PROFILE, REPORT_DIR);
    JsonNode summary = run.summary();
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit code " + run.exitCode() + "\n" + run.console());
    assertEquals("Spark Rust runtime " + version, summary.path("implementation").asText());

    List<String> problems = ThirdPartyRuns.unjudged(summary,
        CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "server"), PROFILE);
    assertEquals(List.of(), problems, "the run did not judge the Spark Rust runtime on every selected case");

    ThirdPartyRuns.warnIfCommittedResultsDiffer(summary, "sparkrust-" + version, REPORT_DIR);
  }
}
