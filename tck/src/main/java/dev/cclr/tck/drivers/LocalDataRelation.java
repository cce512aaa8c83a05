package dev.cclr.tck.drivers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A relation that carries local data, as seen in a plan: inline ({@code local_relation}), one
 * cached blob ({@code cached_local_relation}) or chunks ({@code chunked_cached_local_relation}).
 *
 * @param kind the relation's field name in {@code spark.connect.Relation}
 * @param dataHashes the chunk hashes in order, duplicates kept (chunked); the one hash (cached);
 *     empty (inline)
 * @param schemaHash the schema blob's hash (chunked only; may be null there too)
 * @param dataBytes size of the inline Arrow data (local_relation only; null when absent)
 * @param schema the inline schema string (local_relation only; null when absent)
 */
public record LocalDataRelation(
    String kind, List<String> dataHashes, String schemaHash, Long dataBytes, String schema) {

  public static final String INLINE = "local_relation";
  public static final String CACHED = "cached_local_relation";
  public static final String CHUNKED = "chunked_cached_local_relation";

  public LocalDataRelation {
    dataHashes = List.copyOf(dataHashes);
  }

  public boolean isChunked() {
    return CHUNKED.equals(kind);
  }

  public boolean isInline() {
    return INLINE.equals(kind);
  }

  public boolean isCached() {
    return CACHED.equals(kind);
  }

  /** The distinct blob keys the relation refers to: data hashes, then the schema hash (none for inline data). */
  public List<String> referredKeys() {
    List<String> keys = new ArrayList<>(dataHashes);
    if (schemaHash != null) {
      keys.add(schemaHash);
    }
    return keys.stream().distinct().toList();
  }

  public int distinctDataHashes() {
    return new HashSet<>(dataHashes).size();
  }

  /** True when some chunk hash occurs more than once: identical chunks referenced twice. */
  public boolean hasRepeatedHash() {
    return distinctDataHashes() < dataHashes.size();
  }
}
