package dev.cclr.tck.cli;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckVersion;
import dev.cclr.tck.spec.RequirementCatalog;
import java.util.ArrayList;
import java.util.List;

/** What {@code tck version} and {@code --version} print: the kit's version, its spec's version and its cases. */
final class KitVersion {
  private KitVersion() {}

  static List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("cclr TCK " + TckVersion.get());
    lines.add("spec version " + RequirementCatalog.load(RequirementCatalog.defaultSpecDir().resolve("requirements.yaml")).specVersion());
    for (Suite suite : Suite.values()) {
      List<CaseDefinition> cases = CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), suite.id()).cases();
      long must = cases.stream().filter(c -> "MUST".equals(c.level())).count();
      lines.add(suite.id() + " cases " + cases.size() + " (" + must + " MUST)");
    }
    return lines;
  }
}
