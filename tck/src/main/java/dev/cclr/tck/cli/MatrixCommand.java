package dev.cclr.tck.cli;

import dev.cclr.tck.matrix.MatrixFile;
import dev.cclr.tck.matrix.MatrixResults;
import dev.cclr.tck.matrix.MatrixRow;
import dev.cclr.tck.matrix.MatrixRunner;
import dev.cclr.tck.matrix.RowOutcome;
import dev.cclr.tck.run.TckVersion;
import dev.cclr.tck.spec.ConformanceHtml;
import dev.cclr.tck.spec.ConformancePage;
import dev.cclr.tck.spec.RequirementCatalog;
import dev.cclr.tck.spec.ResultColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    footer = {"", "Examples:",
        "  java -jar tck.jar matrix --out spec/results",
        "  java -jar tck.jar matrix --out spec/results --only reference-server,client-reference",
        "  java -jar tck.jar matrix --out spec/results --page-only"},
    description = {
        "Regenerates the interop matrix: runs every row of the matrix file (server rows with `run`, client rows with `client`),",
        "writes each judged row's tck-summary.json into <out>/<id>/, then the conformance page and its HTML grid.",
        "A row that could not be installed, started or reached keeps its previous results.",
        "Exit code 0: every selected row was judged (whatever its verdicts); 2: a row could not be judged."})
final class MatrixCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Option(names = "--out", required = true, description = "the results folder, e.g. spec/results")
  Path out;

  @Option(names = "--matrix", paramLabel = "FILE", description = "the matrix file (default: <out>/matrix.json)")
  Path matrix;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "run only these rows (the page still shows every row)")
  List<String> only = new ArrayList<>();

  @Option(names = "--page-only", description = "run nothing: regenerate the page and the HTML grid from the results in <out>")
  boolean pageOnly;

  @Option(names = "--page", paramLabel = "FILE",
      description = "the Markdown page to write (default: conformance.md beside <out>); the HTML grid goes beside it as .html")
  Path page;

  @Option(names = "--reports", paramLabel = "DIR", defaultValue = "target/matrix-reports",
      description = "where each row's full reports go, <DIR>/<id>/ (default: target/matrix-reports)")
  Path reports;

  @Option(names = "--spec", description = "the spec folder holding requirements.yaml (default: spec/ of the source tree when run from it, else the copy in the jar)")
  Path spec;

  @Override
  public Integer call() throws Exception {
    List<MatrixRow> rows;
    try {
      rows = MatrixFile.load(matrix != null ? matrix : out.resolve("matrix.json"));
    } catch (MatrixFile.MatrixFileException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    Set<String> known = rows.stream().map(MatrixRow::id).collect(Collectors.toSet());
    List<String> unknown = only.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new ParameterException(command.commandLine(), "--only names no row of the matrix: " + unknown + " (rows: "
          + rows.stream().map(MatrixRow::id).collect(Collectors.joining(", ")) + ")");
    }
    if (pageOnly && !only.isEmpty()) {
      throw new ParameterException(command.commandLine(), "--page-only runs nothing; --only has no use with it");
    }
    List<RowOutcome> outcomes = List.of();
    if (!pageOnly) {
      List<MatrixRow> selected = only.isEmpty() ? rows : rows.stream().filter(r -> only.contains(r.id())).toList();
      outcomes = new MatrixRunner(args -> TckCli.execute(args.toArray(String[]::new)), out, reports, TckVersion.get(), System.out)
          .run(selected);
    }
    writePages(rows);
    if (!outcomes.isEmpty()) {
      System.out.println();
      outcomes.forEach(o -> System.out.println("MATRIX " + o.line()));
    }
    return outcomes.stream().allMatch(RowOutcome::judged) ? 0 : 2;
  }

  private void writePages(List<MatrixRow> rows) throws Exception {
    Path specDir = spec != null ? spec : RequirementCatalog.defaultSpecDir();
    RequirementCatalog catalog = RequirementCatalog.load(specDir.resolve("requirements.yaml"));
    List<ResultColumn> columns = MatrixResults.columns(out, rows);
    Path md = page != null ? page : out.toAbsolutePath().getParent().resolve("conformance.md");
    String name = md.getFileName().toString();
    Path html = md.resolveSibling((name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".html");
    Files.writeString(md, ConformancePage.renderColumns(catalog, columns), StandardCharsets.UTF_8);
    Files.writeString(html, ConformanceHtml.render(catalog, columns), StandardCharsets.UTF_8);
    System.out.println("wrote " + md + " and " + html + " from " + columns.size() + " summaries");
  }
}
