package dev.cclr.tck.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.report.SummaryJsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs matrix rows one after the other (never two servers at once) with the TCK's own commands
 * ({@code run} for a server row, {@code client} for a client row), each into its own report folder,
 * and copies each judged row's {@code tck-summary.json} into {@code resultsDir/<id>/}. A row whose
 * run judged nothing (exit code 2, {@code notJudged}, or no summary at all) is reported as could
 * not judge, and its committed results stay.
 */
public final class MatrixRunner {
  private final Function<List<String>, Integer> tck;
  private final Path resultsDir;
  private final Path reportsRoot;
  private final String tckVersion;
  private final PrintStream out;

  /**
   * @param tck runs one tck.jar command line and returns its exit code
   * @param reportsRoot where each row's full reports go ({@code <reportsRoot>/<id>/})
   */
  public MatrixRunner(Function<List<String>, Integer> tck, Path resultsDir, Path reportsRoot, String tckVersion, PrintStream out) {
    this.tck = tck;
    this.resultsDir = resultsDir;
    this.reportsRoot = reportsRoot;
    this.tckVersion = tckVersion;
    this.out = out;
  }

  public List<RowOutcome> run(List<MatrixRow> rows) {
    List<RowOutcome> outcomes = new ArrayList<>();
    for (MatrixRow row : rows) {
      RowOutcome outcome = run(row);
      out.println("MATRIX " + outcome.line());
      outcomes.add(outcome);
    }
    return outcomes;
  }

  private RowOutcome run(MatrixRow row) {
    Path reports = reportsRoot.resolve(row.id());
    try {
      deleteSummary(reports);
      Files.createDirectories(reports);
    } catch (IOException e) {
      return new RowOutcome(row, RowOutcome.Status.COULD_NOT_JUDGE, "cannot prepare " + reports + ": " + e.getMessage());
    }
    List<String> line = row.commandLine(reports.toString(), tckVersion);
    out.println("MATRIX " + row.id() + ": tck " + String.join(" ", line));
    int exit;
    try {
      exit = tck.apply(line);
    } catch (RuntimeException e) {
      return new RowOutcome(row, RowOutcome.Status.COULD_NOT_JUDGE, "the run failed: " + e);
    }
    Path summary = reports.resolve(SummaryJsonWriter.FILE);
    if (!Files.exists(summary)) {
      return new RowOutcome(row, RowOutcome.Status.COULD_NOT_JUDGE, "exit " + exit + ", no " + SummaryJsonWriter.FILE + " written; previous results kept");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(summary.toFile());
    } catch (IOException e) {
      return new RowOutcome(row, RowOutcome.Status.COULD_NOT_JUDGE, "unreadable " + summary + ": " + e.getMessage());
    }
    if (root.hasNonNull("notJudged") || root.path("exitCode").asInt(2) == 2) {
      String why = root.hasNonNull("notJudged") ? root.path("notJudged").asText() : "no case was decided by an answer";
      return new RowOutcome(row, RowOutcome.Status.COULD_NOT_JUDGE, firstLine(why) + "; previous results kept");
    }
    Path target = MatrixResults.summaryOf(resultsDir, row);
    try {
      Files.createDirectories(target.getParent());
      Files.copy(summary, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    JsonNode must = root.path("totals").path("must");
    return new RowOutcome(row, RowOutcome.Status.JUDGED, "exit " + root.path("exitCode").asInt() + ", MUST PASS " + must.path("PASS").asInt()
        + " FAIL " + must.path("FAIL").asInt() + " ERROR " + must.path("ERROR").asInt() + ", crashes " + root.path("crashes").size()
        + "; written to " + target);
  }

  private static void deleteSummary(Path reports) throws IOException {
    // A summary left by an earlier matrix run must not pass for this run's.
    Files.deleteIfExists(reports.resolve(SummaryJsonWriter.FILE));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
