package dev.cclr.server.relations;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The planner's read-only view of one session's {@code cache/} artifacts, keyed by the hash part of
 * the name (the text after {@code cache/}, matched exactly: no case folding, no normalisation).
 */
public interface BlobLookup {

  /** The stored size in bytes, or empty when the session holds no blob of that hash. */
  OptionalLong size(String hash);

  /**
   * Opens the blob for sequential reading; the caller closes the stream. Empty when absent. The
   * stream reads from wherever the store keeps the bytes (memory or a spill file) without copying
   * the whole blob first.
   */
  Optional<InputStream> open(String hash) throws IOException;
}
