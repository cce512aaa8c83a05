package dev.cclr.tck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The requirements of the spec, read from {@code spec/requirements.yaml}, in file order. */
public final class RequirementCatalog {
  private final Map<String, Requirement> byId;
  private final String specVersion;

  private RequirementCatalog(Map<String, Requirement> byId, String specVersion) {
    this.byId = byId;
    this.specVersion = specVersion;
  }

  public static RequirementCatalog load(Path yaml) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(yaml));
      Map<String, Requirement> map = new LinkedHashMap<>();
      for (JsonNode r : root.path("requirements")) {
        List<String> verified = new ArrayList<>();
        r.path("verified_by").forEach(n -> verified.add(n.asText()));
        Requirement req = new Requirement(r.path("id").asText(), r.path("level").asText(), r.path("role").asText(),
            r.path("title").asText(), r.path("chapter").asText(), r.path("text").asText(),
            r.path("spark_4_2").asText(), r.path("spark_4_1").asText(), verified,
            r.hasNonNull("untested") ? r.get("untested").asText() : null);
        if (map.put(req.id(), req) != null) {
          throw new IllegalStateException("duplicate requirement id " + req.id());
        }
      }
      return new RequirementCatalog(map, root.path("spec_version").asText("unknown"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + yaml, e);
    }
  }

  /**
   * The spec folder: {@code -Dcclr.spec=DIR} if set, else {@code spec/} of the source tree when
   * running from it, else the copy extracted from the TCK jar (which holds requirements.yaml only).
   */
  public static Path defaultSpecDir() {
    return KitFiles.directory(KitFiles.Tree.SPEC);
  }

  /** The spec's version ({@code spec_version} of requirements.yaml). */
  public String specVersion() { return specVersion; }

  public List<Requirement> all() { return List.copyOf(byId.values()); }

  public Optional<Requirement> get(String id) { return Optional.ofNullable(byId.get(id)); }

  public boolean contains(String id) { return byId.containsKey(id); }
}
