package dev.cclr.tck.cli;

import dev.cclr.tck.spec.ConformancePage;
import dev.cclr.tck.spec.RequirementCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conformance-page",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    footer = {"", "Example:", "  java -jar tck.jar conformance-page --out conformance.md reports/*/tck-summary.json"},
    description = "Writes the requirement x implementation page from TCK summaries (tck-summary.json files).")
final class ConformancePageCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, description = "the Markdown file to write, e.g. spec/conformance.md")
  Path out;

  @Option(names = "--spec", description = "the spec folder holding requirements.yaml (default: spec/ of the source tree when run from it, else the copy in the jar)")
  Path spec;

  @Parameters(arity = "1..*", description = "tck-summary.json files, one column each, in this order")
  List<Path> summaries;

  @Override
  public Integer call() throws Exception {
    Path specDir = spec != null ? spec : RequirementCatalog.defaultSpecDir();
    RequirementCatalog catalog = RequirementCatalog.load(specDir.resolve("requirements.yaml"));
    Files.writeString(out, ConformancePage.render(catalog, summaries), StandardCharsets.UTF_8);
    System.out.println("wrote " + out + " from " + summaries.size() + " summaries");
    return 0;
  }
}
