package dev.cclr.server.artifacts;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * What Spark makes of an artifact name. A name must stay inside the session's artifact directory
 * once appended to it and normalised (so "../x", "/abs", "" and "cache/.." are refused); a name
 * that normalises to {@code cache/<hash>} is a cache blob under that hash ("cache/x/../y" is hash
 * "y"), everything else (jars/, classes/, files/, bare "cache/") is another kind of artifact.
 */
final class ArtifactNames {

  private static final Path BASE = Paths.get("/artifacts");

  private ArtifactNames() {}

  /** Throws INVALID_ARTIFACT_PATH for a name that escapes its directory. */
  static void validate(String name) {
    try {
      Path relative = Paths.get(name);
      Path normalised = Paths.get(BASE + "/" + relative).normalize();
      if (relative.isAbsolute() || normalised.equals(BASE) || !normalised.startsWith(BASE)) {
        throw ArtifactErrors.invalidPath(name);
      }
    } catch (InvalidPathException e) {
      throw ArtifactErrors.invalidPath(name);
    }
  }

  /** The cache hash a valid name stores under, or empty for a non-cache artifact. */
  static Optional<String> cacheHash(String name) {
    String normalised = Paths.get(name.replace('\\', '/')).normalize().toString();
    return normalised.startsWith("cache/")
        ? Optional.of(normalised.substring("cache/".length()))
        : Optional.empty();
  }
}
