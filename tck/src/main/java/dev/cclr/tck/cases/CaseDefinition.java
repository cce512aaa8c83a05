package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One golden case, as read from {@code fixtures/<suite>/<id>/case.json}: what it checks
 * (requirement ids, level, tags), the blobs it uses, and the steps with their expected outcomes.
 * Steps stay JSON: {@link CaseRunner} is the one place that gives them meaning.
 */
public final class CaseDefinition {
  private final String id;
  private final String title;
  private final String level;
  private final List<String> requirements;
  private final List<String> tags;
  private final List<String> profiles;
  private final Map<String, BlobDeclaration> blobs;
  private final List<JsonNode> steps;
  private final Path directory;
  private final JsonNode manifest;

  CaseDefinition(JsonNode manifest, Path directory) {
    this.manifest = manifest;
    this.directory = directory;
    this.id = manifest.path("id").asText();
    this.title = manifest.path("title").asText("");
    this.level = manifest.path("level").asText("MUST");
    this.requirements = strings(manifest.path("requirements"));
    this.tags = strings(manifest.path("tags"));
    this.profiles = strings(manifest.path("profiles"));
    Map<String, BlobDeclaration> declared = new LinkedHashMap<>();
    manifest.path("blobs").fields().forEachRemaining(e -> declared.put(e.getKey(), new BlobDeclaration(e.getKey(), e.getValue())));
    this.blobs = Collections.unmodifiableMap(declared);
    List<JsonNode> s = new ArrayList<>();
    manifest.path("steps").forEach(s::add);
    this.steps = List.copyOf(s);
  }

  public String id() { return id; }
  public String title() { return title; }
  /** MUST, SHOULD or MAY: the strongest level among the requirements it checks. */
  public String level() { return level; }
  public List<String> requirements() { return requirements; }
  public List<String> tags() { return tags; }
  /** Profiles the case applies to; empty means every profile. */
  public List<String> profiles() { return profiles; }
  public Map<String, BlobDeclaration> blobs() { return blobs; }
  public List<JsonNode> steps() { return steps; }
  public Path directory() { return directory; }
  public JsonNode manifest() { return manifest; }

  /**
   * Whether the case needs a target that authenticates callers ({@code "needsCredentials": true}):
   * it sends some calls without or with wrong credentials, which mean nothing to a target that
   * accepts everyone.
   */
  public boolean needsCredentials() { return manifest.path("needsCredentials").asBoolean(false); }

  public boolean appliesTo(Profile profile) {
    return profiles.isEmpty() || profiles.contains(profile.id());
  }

  @Override
  public String toString() { return id; }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
