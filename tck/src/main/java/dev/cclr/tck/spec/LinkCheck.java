package dev.cclr.tck.spec;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The links between spec and suite, checked both ways: every MUST requirement of a role is
 * exercised by at least one case of that role's suite (for the suites that exist), unless the
 * YAML declares it {@code untested} with the reason no black-box case can check it; every case names only existing requirement
 * ids; every id anchored in the Markdown chapters exists in the YAML and the reverse; and each
 * requirement's {@code verified_by} list is exactly the cases that name it (so the YAML shows the
 * link back without being a second source of truth).
 */
public final class LinkCheck {
  private static final Pattern ANCHOR = Pattern.compile("<a id=\"((?:SRV|CLI)-[A-Z]{3}-[0-9]{3})\"></a>");
  private static final Map<String, String> SUITE_OF_ROLE = Map.of("server", "server", "client", "client");

  private LinkCheck() {}

  /** Requirement id → ids of the cases naming it, over every suite present. */
  public static Map<String, Set<String>> casesByRequirement(Path fixturesRoot) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String suite : SUITE_OF_ROLE.values()) {
      if (!Files.isDirectory(fixturesRoot.resolve(suite))) {
        continue;
      }
      for (CaseDefinition c : CaseCatalog.load(fixturesRoot, suite).cases()) {
        for (String req : c.requirements()) {
          out.computeIfAbsent(req, k -> new TreeSet<>()).add(c.id());
        }
      }
    }
    return out;
  }

  public static List<String> problems(Path specDir, Path fixturesRoot) {
    List<String> problems = new ArrayList<>();
    RequirementCatalog catalog = RequirementCatalog.load(specDir.resolve("requirements.yaml"));
    Map<String, Set<String>> byRequirement = casesByRequirement(fixturesRoot);

    for (String id : byRequirement.keySet()) {
      if (!catalog.contains(id)) {
        problems.add("cases " + byRequirement.get(id) + " name unknown requirement " + id);
      }
    }
    for (Requirement r : catalog.all()) {
      String suite = SUITE_OF_ROLE.get(r.role());
      if (suite == null) {
        problems.add(r.id() + " has unknown role '" + r.role() + "'");
        continue;
      }
      Set<String> cases = byRequirement.getOrDefault(r.id(), Set.of());
      boolean suiteExists = Files.isDirectory(fixturesRoot.resolve(suite));
      if (r.isUntested() && !cases.isEmpty()) {
        problems.add(r.id() + " is declared untested but cases " + cases + " name it: drop the declaration");
      }
      if (r.isMust() && cases.isEmpty() && suiteExists && !r.isUntested()) {
        problems.add("MUST requirement " + r.id() + " (" + r.title() + ") is exercised by no " + suite + " case");
      }
      if (!new TreeSet<>(r.verifiedBy()).equals(new TreeSet<>(cases))) {
        problems.add(r.id() + ": verified_by " + r.verifiedBy() + " is not the cases naming it " + cases
            + " (run RequirementLinks --write)");
      }
    }

    Set<String> anchored = anchoredIds(specDir);
    for (String id : anchored) {
      if (!catalog.contains(id)) {
        problems.add("the Markdown anchors " + id + ", which requirements.yaml does not define");
      }
    }
    for (Requirement r : catalog.all()) {
      if (!anchored.contains(r.id())) {
        problems.add(r.id() + " is in requirements.yaml but anchored in no chapter");
      }
    }
    return problems;
  }

  /**
   * MUST requirements of roles whose suite does not exist yet (no {@code fixtures/<suite>} folder):
   * their coverage cannot be checked, and the test says so instead of passing quietly.
   */
  public static List<String> mustsOfMissingSuites(Path specDir, Path fixturesRoot) {
    List<String> out = new ArrayList<>();
    for (Requirement r : RequirementCatalog.load(specDir.resolve("requirements.yaml")).all()) {
      String suite = SUITE_OF_ROLE.get(r.role());
      if (r.isMust() && suite != null && !Files.isDirectory(fixturesRoot.resolve(suite))) {
        out.add(r.id());
      }
    }
    return out;
  }

  static Set<String> anchoredIds(Path specDir) {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(specDir)) {
      for (Path md : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".md"))::iterator) {
        Matcher m = ANCHOR.matcher(Files.readString(md));
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }
}
