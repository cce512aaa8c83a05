package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.fixtures.FixtureException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the golden cases of one suite ({@code server} or {@code client}) from a fixtures folder on
 * disk or from the copy packaged in the TCK jar. Every committed blob is checked against the sha256
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
   * The fixtures folder: {@code -Dcclr.fixtures=DIR} if set, else {@code fixtures/} of the source
   * tree when running from it, else the copy inside the TCK jar.
   */
  public static Path defaultFixturesRoot() {
    String configured = System.getProperty("cclr.fixtures");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path candidate : List.of(Path.of("fixtures"), Path.of("../fixtures"))) {
      if (Files.isDirectory(candidate.resolve("server"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    URL marker = CaseCatalog.class.getResource("/fixtures/README.md");
    if (marker == null) {
      throw new FixtureException("no fixtures found: pass -Dcclr.fixtures=DIR");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return fs.getPath("/fixtures");
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new FixtureException("cannot open packaged fixtures", e);
    }
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
