package dev.cclr.tck.matrix;

import dev.cclr.tck.report.SummaryJsonWriter;
import dev.cclr.tck.spec.ResultColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed results of the matrix ({@code spec/results/<row id>/tck-summary.json}) as the
 * conformance page's columns: the rows' in the matrix file's order, then any other results folder
 * (one nobody has given a row yet), by name, so that no committed result drops off the page.
 */
public final class MatrixResults {
  private MatrixResults() {}

  public static Path summaryOf(Path resultsDir, MatrixRow row) {
    return resultsDir.resolve(row.id()).resolve(SummaryJsonWriter.FILE);
  }

  public static List<ResultColumn> columns(Path resultsDir, List<MatrixRow> rows) {
    List<ResultColumn> columns = new ArrayList<>();
    for (MatrixRow row : rows) {
      Path summary = summaryOf(resultsDir, row);
      if (Files.exists(summary)) {
        columns.add(ResultColumn.read(summary, Optional.of(row.provenanceFallback())));
      }
    }
    Set<String> ids = rows.stream().map(MatrixRow::id).collect(Collectors.toSet());
    try (Stream<Path> dirs = Files.list(resultsDir)) {
      for (Path dir : dirs.sorted().toList()) {
        Path summary = dir.resolve(SummaryJsonWriter.FILE);
        if (!ids.contains(dir.getFileName().toString()) && Files.exists(summary)) {
          columns.add(ResultColumn.read(summary));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + resultsDir, e);
    }
    return columns;
  }
}
