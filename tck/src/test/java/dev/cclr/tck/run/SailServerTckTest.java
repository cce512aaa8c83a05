package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.sail.PysailInstaller;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server suite against LakeSail Sail (the pinned pysail, installed into the project's venv and
 * started by the {@code sail} target). This is an interop report, not a gate: Sail failing cases is
 * the finding, so neither its verdicts nor the run's exit code fail the build. What fails it is a
 * run that did not judge Sail: a case missing from the report, left unrun, or ended by the harness
 * (no connection, a timeout, a broken fixture) instead of by Sail's answer, or a failure that does
 * not carry Sail's answer.
 */
@Tag("sail")
class SailServerTckTest {
  private static final String PROFILE = "spark-4.2";
  private static final Path REPORT_DIR = Path.of("target/tck-reports/sail-" + PROFILE);

  @Test
  void everyCaseIsJudgedOnSailAndEveryFailureCarriesSailsAnswer() throws Exception {
    String version = PysailInstaller.pinnedVersion();
    TckRuns.Outcome run = TckRuns.run("sail", Optional.empty(), PROFILE, REPORT_DIR);
    JsonNode summary = run.summary();
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit code " + run.exitCode() + "\n" + run.console());
    assertEquals("LakeSail Sail " + version, summary.path("implementation").asText());

    List<String> problems = ThirdPartyRuns.unjudged(summary,
        CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "server"), PROFILE);
    assertEquals(List.of(), problems, "the run did not judge Sail on every selected case");

    ThirdPartyRuns.warnIfCommittedResultsDiffer(summary, "sail-" + version, REPORT_DIR);
  }
}
