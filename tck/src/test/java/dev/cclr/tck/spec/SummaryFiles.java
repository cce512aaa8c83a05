package dev.cclr.tck.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Provenance;
import dev.cclr.tck.report.RunSummary;
import dev.cclr.tck.report.SummaryJsonWriter;
import dev.cclr.tck.report.TargetCrash;
import dev.cclr.tck.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Summaries for the page's tests, written by the TCK's own summary writer into a folder of their own. */
final class SummaryFiles {
  private final RunSummary summary;

  private SummaryFiles(RunSummary summary) {
    this.summary = summary;
  }

  static SummaryFiles server(String implementation, String target, String started) {
    return new SummaryFiles(new RunSummary("server", implementation, target, "spark-4.2", "test", Instant.parse(started)));
  }

  static SummaryFiles client(String implementation, String driver, String started) {
    return new SummaryFiles(new RunSummary("client", implementation, driver, "spark-4.2", "test", Instant.parse(started)));
  }

  SummaryFiles provenance(String version, String installedFrom) {
    summary.provenance(Provenance.of(version, installedFrom));
    return this;
  }

  SummaryFiles add(String id, String requirement, String level, Verdict verdict, String message, String actual) {
    summary.add(new CaseResult(id, "title of " + id, List.of(requirement), level, List.of(), verdict, message, actual, Duration.ofMillis(3)));
    return this;
  }

  SummaryFiles crash(String caseId, String reason) {
    summary.addCrash(new TargetCrash(caseId, summary.target(), reason, "restarted; the run went on with the next case"));
    return this;
  }

  /** Writes {@code dir/tck-summary.json} and returns it. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(SummaryJsonWriter.FILE);
    new ObjectMapper().writeValue(file.toFile(), SummaryJsonWriter.toJson(summary, false));
    return file;
  }
}
