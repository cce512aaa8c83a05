package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.fixtures.FixtureException;
import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the golden cases of one suite ({@code server} or {@code client}) from a fixtures folder on
 * disk (the source tree's, or the copy extracted from the TCK jar). Every committed blob is checked against the sha256
 * its manifest declares, so a tampered or stale fixture fails loudly instead of testing the wrong
 * thing.
 */
public final class CaseCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "case.json";

  private final List<CaseDefinition> cases;

  private CaseCatalog(List<CaseDefinition> cases) {
    this.cases = List.copyOf(cases);
  }

  public List<CaseDefinition> cases() { return cases; }

  /** Loads {@code <fixturesRoot>/<suite>/*}/case.json}, sorted by id. */
  public static CaseCatalog load(Path fixturesRoot, String suite) {
    Path dir = fixturesRoot.resolve(suite);
    if (!Files.isDirectory(dir)) {
      throw new FixtureException("no fixtures folder " + dir);
    }
    List<CaseDefinition> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> manifests = Files.walk(dir)) {
      for (Path manifest : (Iterable<Path>) manifests.filter(p -> p.getFileName().toString().equals(MANIFEST))::iterator) {
        CaseDefinition c = read(manifest);
        if (!ids.add(c.id())) {
          throw new FixtureException("duplicate case id " + c.id());
        }
        out.add(c);
      }
    } catch (IOException e) {
      throw new FixtureException("cannot read fixtures in " + dir, e);
    }
    out.sort(Comparator.comparing(CaseDefinition::id));
    if (out.isEmpty()) {
      throw new FixtureException("no cases in " + dir);
    }
    return new CaseCatalog(out);
  }

  /**
   * The fixtures folder as a real directory (drivers are handed paths into it): {@code
   * -Dcclr.fixtures=DIR} if set, else {@code fixtures/} of the source tree when running from it,
   * else the copy extracted from the TCK jar; {@link KitFiles} decides.
   */
  public static Path defaultFixturesRoot() {
    return KitFiles.directory(KitFiles.Tree.FIXTURES);
  }

  private static CaseDefinition read(Path manifest) throws IOException {
    JsonNode node = JSON.readTree(Files.readAllBytes(manifest));
    CaseDefinition c = new CaseDefinition(node, manifest.getParent());
    if (c.id().isEmpty()) {
      throw new FixtureException(manifest + " has no id");
    }
    return c;
  }
}
