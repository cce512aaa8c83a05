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
 * The server suite against spark-connect-proxy (pinned, installed into the kit's proxy venv from PyPI
 * on first use) in front of the reference server, the {@code proxy:embedded} target; the whole run
 * takes seconds. What is judged is the proxy: behind it the reference server passes every case. An
 * interop report, not a gate: the verdicts never fail the build, only a run that did not judge
 * (the proxy not installed or not starting, a case missing, unrun or ended by the harness).
 */
@Tag("proxy")
class ProxyServerTckTest {
  private static final String PROFILE = "spark-4.2";
  private static final Path REPORT_DIR = Path.of("target/tck-reports/proxy-reference-" + PROFILE);

  @Test
  void everyCaseIsJudgedOnTheProxyInFrontOfTheReferenceServer() throws Exception {
    String version = PinnedVenv.PROXY.pinnedVersion();
    TckRuns.Outcome run = TckRuns.run("proxy:embedded", Optional.empty(), PROFILE, REPORT_DIR);
    JsonNode summary = run.summary();
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit code " + run.exitCode() + "\n" + run.console());
    assertEquals("spark-connect-proxy " + version + " in front of cclr reference server", summary.path("implementation").asText());

    List<String> problems = ThirdPartyRuns.unjudged(summary,
        CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "server"), PROFILE);
    assertEquals(List.of(), problems, "the run did not judge the proxy on every selected case");

    ThirdPartyRuns.warnIfCommittedResultsDiffer(summary, "proxy-" + version + "-reference", REPORT_DIR);
  }
}
