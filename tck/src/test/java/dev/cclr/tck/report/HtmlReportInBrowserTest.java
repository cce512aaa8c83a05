package dev.cclr.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a browser sees it: headless Chromium loads the page, its DOM has the gate,
 * the failures first with the requirement they break, and a screenshot is kept in
 * target/report-screenshots for a person to look at. Chromium comes from Debian (.ci/run installs
 * it); without it this test fails rather than skips.
 */
class HtmlReportInBrowserTest {
  private static final Path OUT = Path.of("target/report-screenshots");

  @Test
  void failuresComeFirstAndThePageRendersInChromium() throws Exception {
    RunSummary s = new RunSummary("server", "example server", "sc://127.0.0.1:15002", "spark-4.2", "test", Instant.parse("2026-11-21T12:00:00Z"));
    s.add(new CaseResult("chunked-json-schema", "Three chunks and a JSON schema", List.of("SRV-SEM-001"), "MUST", List.of("golden"),
        Verdict.PASS, "", null, Duration.ofMillis(12)));
    s.add(new CaseResult("chunked-repeated-hash", "A hash listed twice is read twice", List.of("SRV-SEM-002"), "MUST", List.of(),
        Verdict.FAIL, "step 2 (execute): rows differ at number of rows; expected 5 rows, got 3 rows [checks SRV-SEM-002]",
        "{\"rowCount\":3}", Duration.ofMillis(30)));
    s.add(new CaseResult("error-order", "Later faults in list order", List.of("SRV-ERR-005"), "SHOULD", List.of(),
        Verdict.FAIL, "expected errorClass X but got Y <script>", null, Duration.ofMillis(5)));
    s.add(new CaseResult("large-relation", "A relation over 2 GiB", List.of("SRV-LIM-006"), "MUST", List.of("large"),
        Verdict.SKIPPED, "tagged 'large', excluded by default", null, Duration.ZERO));
    Files.createDirectories(OUT);
    Path page = HtmlReportWriter.write(s, false, OUT);

    String dom = chromium("--dump-dom", page.toUri().toString());
    assertTrue(dom.contains("FAILED"), "the gate is shown");
    int failures = dom.indexOf("id=\"failures\"");
    int firstFailure = dom.indexOf("chunked-repeated-hash", failures);
    int allCases = dom.indexOf("id=\"cases\"");
    assertTrue(failures > 0 && firstFailure > failures && firstFailure < allCases, "the failing MUST case is listed under Failures, before all cases");
    assertTrue(dom.indexOf("chunked-repeated-hash", failures) < dom.indexOf("error-order", failures), "MUST failures before SHOULD failures");
    assertTrue(dom.contains("SRV-SEM-002"), "the failure names its requirement");
    assertTrue(dom.contains("&lt;script&gt;"), "messages are escaped, not markup");

    Path png = OUT.resolve("tck-report.png");
    Files.deleteIfExists(png);
    chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1400", page.toUri().toString());
    assertTrue(Files.size(png) > 10_000, "a screenshot with content was taken");
  }

  private static String chromium(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
    assertEquals(0, p.exitValue(), "chromium exit code");
    return new String(out, StandardCharsets.UTF_8);
  }
}
