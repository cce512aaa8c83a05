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
  private static final String CACHE_PREFIX = "cache/";
  private static final int MAX_SIMPLE_KEY_LENGTH = 128;

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
    String slashed = name.replace('\\', '/');
    if (slashed.startsWith(CACHE_PREFIX)
        && !isSimpleKey(slashed.substring(CACHE_PREFIX.length()))) {
      throw ArtifactErrors.nonSimpleCacheKey(name);
    }
    // A name reaching cache/ only after normalisation ("./cache/a/b") is held to the same rule
    // (the AddArtifacts fuzzer stored "./cache/cache/cache/" under the key "cache/cache").
    if (cacheHash(name).filter(key -> !isSimpleKey(key)).isPresent()) {
      throw ArtifactErrors.nonSimpleCacheKey(name);
    }
  }

  /**
   * A simple key (spec chapter 03): 1 to 128 characters, each an ASCII letter, digit, hyphen or
   * underscore. Cache names with any other key are refused (SRV-ART-008) instead of being
   * normalised or stored as ordinary files as Spark does.
   */
  static boolean isSimpleKey(String key) {
    if (key.isEmpty() || key.length() > MAX_SIMPLE_KEY_LENGTH) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The cache hash a valid name stores under, or empty for a non-cache artifact. */
  static Optional<String> cacheHash(String name) {
    String normalised = Paths.get(name.replace('\\', '/')).normalize().toString();
    return normalised.startsWith("cache/")
        ? Optional.of(normalised.substring("cache/".length()))
        : Optional.empty();
  }
}
