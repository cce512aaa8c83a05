package dev.cclr.tck.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cclr.tck.report.ExitCode;
import dev.cclr.tck.report.GateReport;
import dev.cclr.tck.report.HtmlReportWriter;
import dev.cclr.tck.report.TargetCrash;
import dev.cclr.tck.report.JUnitXmlWriter;
import dev.cclr.tck.report.RunSummary;
import dev.cclr.tck.report.SummaryJsonWriter;
import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.targets.TargetOpener;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.targets.Targets;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a suite through the JUnit Platform and writes the reports: {@code tck-summary.json},
 * {@code tck-report.html}, JUnit XML ({@code TEST-cclr-<suite>.xml}) and Open Test Reporting XML, plus
 * {@code tck-differential.json} in differential mode. The exit code is an {@link ExitCode}: 0 the gate
 * held, 1 the implementation was judged non-conformant, 2 nothing could be judged (the target was not
 * reached, or no case was decided by an answer).
 */
public final class TckLauncher {
  private TckLauncher() {}

  /** Runs the configuration against the targets a user can name; returns the exit code. */
  public static int run(RunConfiguration config, PrintStream out) {
    return run(config, dev.cclr.tck.report.Provenance.NONE, out);
  }

  /** The same, recording in the summary the implementation's version and installation as given. */
  public static int run(RunConfiguration config, dev.cclr.tck.report.Provenance provenance, PrintStream out) {
    return execute(config, provenance, out, Targets::open).exit().code();
  }

  /** Runs the configuration, opening targets with {@code opener}; writes the reports and returns what it found. */
  public static RunOutcome execute(RunConfiguration config, PrintStream out, TargetOpener opener) {
    return execute(config, dev.cclr.tck.report.Provenance.NONE, out, opener);
  }

  /** As {@link #execute(RunConfiguration, PrintStream, TargetOpener)}, the summary carrying {@code provenance}. */
  public static RunOutcome execute(RunConfiguration config, dev.cclr.tck.report.Provenance provenance, PrintStream out, TargetOpener opener) {
    try {
      Files.createDirectories(config.reportDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create report folder " + config.reportDir(), e);
    }
    try (TckRun run = new TckRun(config, opener)) {
      out.println("cclr TCK " + TckVersion.get() + ": suite " + config.suite() + ", " + run.cases().size()
          + " cases, " + (config.suite() == Suite.CLIENT ? "driver " : "target ") + ConnectUri.masked(config.target())
          + config.versus().map(v -> " vs " + ConnectUri.masked(v)).orElse("")
          + ", profile " + config.profile());
      if (config.suite() == Suite.SERVER) {
        run.openTargets();
        run.unavailable().ifPresent(reason -> out.println("NOT JUDGED: " + reason + "; every case is ERROR with this reason"));
      }
      String runId = LaunchedRuns.register(run);
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(config.suite() == Suite.CLIENT ? ClientCaseTest.class : ServerCaseTest.class))
          .configurationParameter(LaunchedRuns.PARAMETER, runId)
          .configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
          .configurationParameter("junit.platform.reporting.output.dir", config.reportDir().toString())
          .build();
      Launcher launcher = LauncherFactory.create();
      try {
        launcher.execute(request, new ProgressListener(out));
      } finally {
        LaunchedRuns.remove(runId);
      }

      RunSummary summary = run.summary();
      summary.provenance(provenance);
      GateReport gate = config.gate().judge(summary);
      SummaryJsonWriter.write(summary, gate, config.reportDir());
      HtmlReportWriter.write(summary, gate, config.reportDir());
      JUnitXmlWriter.write(summary, gate, config.reportDir());
      if (config.versus().isPresent()) {
        DifferentialReport.write(run.differences(), config, run.versus().map(t -> t.implementation()).orElse("not started"), out);
      }
      printTotals(summary, gate, config, out);
      return new RunOutcome(summary, gate.exit());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + config.reportDir(), e);
    }
  }

  private static void printTotals(RunSummary summary, GateReport gate, RunConfiguration config, PrintStream out) {
    Map<Verdict, Integer> must = summary.counts(true);
    Map<Verdict, Integer> other = summary.counts(false);
    out.println();
    out.println("MUST:          " + line(must));
    out.println("SHOULD/MAY:    " + line(other));
    List<String> failedMust = summary.results().stream()
        .filter(r -> r.isMust() && r.verdict().failsGate())
        .map(r -> r.id() + " " + r.requirements()).toList();
    if (!failedMust.isEmpty()) {
      out.println("failed MUST cases: " + failedMust);
    }
    for (TargetCrash crash : summary.crashes()) {
      out.println("CRASH: " + crash.headline());
    }
    summary.notJudgedReason().ifPresent(reason -> out.println("NOT JUDGED: " + reason));
    if (summary.decided() == 0) {
      out.println("no case was decided by an answer of the implementation: the run could not judge it");
    }
    // The plain closing line CI systems read.
    int passed = must.get(Verdict.PASS) + other.get(Verdict.PASS);
    int failed = 0;
    for (Verdict v : Verdict.values()) {
      if (v.failsGate()) {
        failed += must.get(v) + other.get(v);
      }
    }
    int skipped = must.get(Verdict.SKIPPED) + other.get(Verdict.SKIPPED) + must.get(Verdict.NOT_APPLICABLE) + other.get(Verdict.NOT_APPLICABLE);
    out.println("tck: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
    gate.lines().forEach(out::println);
    ExitCode exit = gate.exit();
    out.println("gate (" + (config.gateAllLevels() ? "all levels" : "MUST") + (gate.baselineActive() ? ", regressions only" : "") + "): "
        + switch (exit) {
          case HELD -> "PASSED";
          case NOT_CONFORMANT -> "FAILED";
          case COULD_NOT_JUDGE -> "COULD NOT JUDGE";
        } + " (exit " + exit.code() + "); reports in " + config.reportDir().toAbsolutePath());
  }

  private static String line(Map<Verdict, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((v, n) -> sb.append(v).append('=').append(n).append(' '));
    return sb.toString().trim();
  }
}
