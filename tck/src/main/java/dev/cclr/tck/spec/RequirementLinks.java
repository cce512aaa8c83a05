package dev.cclr.tck.spec;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each requirement's {@code verified_by} list in {@code spec/requirements.yaml} from the
 * cases that name it (the cases are the source of truth), and runs {@link LinkCheck}.
 *
 * <p>Usage: {@code java -cp tck.jar dev.cclr.tck.spec.RequirementLinks [--write]} from the
 * repository root. Exits 1 when problems remain.
 */
public final class RequirementLinks {
  private static final Pattern ID_LINE = Pattern.compile("^\\s*- id: ((?:SRV|CLI)-[A-Z]{3}-[0-9]{3})\\s*$");
  private static final Pattern VERIFIED_LINE = Pattern.compile("^(\\s*)verified_by:.*$");

  private RequirementLinks() {}

  public static void main(String[] args) throws IOException {
    Path spec = RequirementCatalog.defaultSpecDir();
    Path fixtures = CaseCatalog.defaultFixturesRoot();
    if (List.of(args).contains("--write")) {
      if (System.getProperty("cclr.spec") == null && KitFiles.sourceTree(KitFiles.Tree.SPEC).isEmpty()) {
        // Writing into the copy extracted from the jar would be lost at exit.
        System.err.println("--write edits spec/requirements.yaml of the source tree: run from the repository root");
        System.exit(2);
      }
      write(spec.resolve("requirements.yaml"), LinkCheck.casesByRequirement(fixtures));
    }
    List<String> problems = LinkCheck.problems(spec, fixtures);
    problems.forEach(System.out::println);
    System.out.println(problems.size() + " problem(s)");
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  static void write(Path yaml, Map<String, Set<String>> casesByRequirement) throws IOException {
    List<String> out = new ArrayList<>();
    String current = null;
    for (String line : Files.readAllLines(yaml, StandardCharsets.UTF_8)) {
      Matcher id = ID_LINE.matcher(line);
      if (id.matches()) {
        current = id.group(1);
      }
      Matcher verified = VERIFIED_LINE.matcher(line);
      if (current != null && verified.matches()) {
        line = verified.group(1) + "verified_by: [" + String.join(", ", casesByRequirement.getOrDefault(current, Set.of())) + "]";
      }
      out.add(line);
    }
    Files.write(yaml, out, StandardCharsets.UTF_8);
  }
}
