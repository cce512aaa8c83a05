package dev.cclr.tck.junit;

import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.report.Gate;
import dev.cclr.tck.report.GateReport;
import dev.cclr.tck.report.HtmlReportWriter;
import dev.cclr.tck.report.RunSummary;
import dev.cclr.tck.report.SummaryJsonWriter;
import dev.cclr.tck.run.CaseTests;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckRun;
import dev.cclr.tck.targets.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link ServerTck} and {@link ClientTck} share: a {@link TckRun} of one suite, its cases as
 * dynamic tests named {@code <case-id> [<requirement ids>]}, and, when JUnit closes the stream after
 * the last test, the run's targets stopped and its {@code tck-summary.json} and {@code tck-report.html}
 * written (the summary can serve as a {@code --baseline} of the command line).
 */
final class EmbeddedTck {
  private EmbeddedTck() {}

  static Stream<DynamicTest> tests(Suite suite, String target, Profile profile, TckSelection selection, Path reportDir) {
    RunConfiguration config = new RunConfiguration(suite, target, Optional.empty(), profile, selection.caseIds(), selection.tags(),
        selection.excludedTags(), reportDir, false, Optional.empty());
    try {
      Files.createDirectories(reportDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report folder " + reportDir, e);
    }
    TckRun run = new TckRun(config, Targets::open);
    return CaseTests.of(run, EmbeddedTck::name).onClose(() -> finish(run, reportDir));
  }

  /** The test's name: the case id and the requirements it checks, e.g. {@code artifact-crc-failure [SRV-ART-005]}. */
  static String name(CaseDefinition c) {
    return c.id() + " [" + String.join(", ", c.requirements()) + "]";
  }

  private static void finish(TckRun run, Path reportDir) {
    try (run) {
      RunSummary summary = run.summary();
      GateReport gate = Gate.of(false).judge(summary);
      SummaryJsonWriter.write(summary, gate, reportDir);
      HtmlReportWriter.write(summary, gate, reportDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the TCK reports to " + reportDir, e);
    }
  }
}
