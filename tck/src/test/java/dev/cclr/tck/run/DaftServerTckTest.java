package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.pinnedvenv.PinnedVenv;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server suite against Daft's Spark Connect server (the pinned {@code daft}, installed into the
 * kit's daft venv from PyPI on first use and launched by the {@code daft} target); the whole run takes
 * seconds. An interop report, not a gate: Daft's verdicts and the run's exit code never fail the
 * build. What fails it is a run that did not judge Daft: PyPI not serving the pins, the server not
 * starting, a case missing, left unrun, or ended by the harness instead of by Daft's answer.
 */
@Tag("daft")
class DaftServerTckTest {
  private static final String PROFILE = "spark-4.2";
  private static final Path REPORT_DIR = Path.of("target/tck-reports/daft-" + PROFILE);

  @Test
  void everyCaseIsJudgedOnDaft() throws Exception {
    String version = PinnedVenv.DAFT.pinnedVersion();
    TckRuns.Outcome run = TckRuns.run("daft", Optional.empty(), PROFILE, REPORT_DIR);
    JsonNode summary = run.summary();
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit code " + run.exitCode() + "\n" + run.console());
    assertEquals("Daft " + version, summary.path("implementation").asText());

    List<String> problems = ThirdPartyRuns.unjudged(summary,
        CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "server"), PROFILE);
    assertEquals(List.of(), problems, "the run did not judge Daft on every selected case");

    ThirdPartyRuns.warnIfCommittedResultsDiffer(summary, "daft-" + version, REPORT_DIR);
  }
}
