package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code spec/conformance.md} is exactly what the generator makes from the committed summaries in
 * {@code spec/results/}: the page cannot be edited by hand without this test failing.
 */
class ConformancePageTest {

  @Test
  void committedPageIsGeneratedFromTheCommittedSummaries() throws Exception {
    Path spec = RequirementCatalog.defaultSpecDir();
    List<Path> summaries;
    try (Stream<Path> dirs = Files.list(spec.resolve("results"))) {
      summaries = dirs.map(d -> d.resolve("tck-summary.json")).filter(Files::exists).sorted().toList();
    }
    assertTrue(summaries.size() >= 3, "expected results for the reference server and two Spark versions: " + summaries);
    String generated = ConformancePage.render(RequirementCatalog.load(spec.resolve("requirements.yaml")), summaries);
    assertEquals(generated, Files.readString(spec.resolve("conformance.md")),
        "regenerate with: " + ConformancePage.COMMAND);
  }
}
