package dev.cclr.server.config;

import dev.cclr.server.errors.ErrorStyle;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's configuration: the values a client set (kept as sent, like Spark) over the
 * registry's defaults, plus typed accessors for the values the server itself uses. Values are
 * read at the moment they are needed, so a Set takes effect on the next planning.
 */
public final class SessionConfig {

  private final ConfigRegistry registry;
  private final Map<String, String> values = new ConcurrentHashMap<>();

  public SessionConfig(ConfigRegistry registry) {
    this.registry = registry;
  }

  /** A copy with the same explicit values, for CloneSession. */
  public SessionConfig copy() {
    SessionConfig c = new SessionConfig(registry);
    c.values.putAll(values);
    return c;
  }

  /** Sets a value after Spark's checks; unknown keys are accepted as Spark accepts them. */
  public void set(String key, String value) {
    if (value == null) {
      throw ConfigErrors.nullValue(key);
    }
    Optional<ConfigEntry> entry = registry.entry(key);
    if (entry.isPresent()) {
      ConfigEntry e = entry.get();
      if (e.isStatic()) {
        throw ConfigErrors.cannotModifyStatic(key);
      }
      e.type().check(key, value, registry.style());
      if (e.requirement() != null && !e.requirement().test(Long.parseLong(value.trim()))) {
        throw ConfigErrors.requirement(key, value, e.requirementText());
      }
      java.util.OptionalLong max = registry.maximum(key);
      if (max.isPresent() && bytes(key, value) > max.getAsLong()) {
        throw ConfigErrors.aboveOperatorMaximum(key, value, max.getAsLong());
      }
    }
    values.put(key, value);
  }

  public void unset(String key) {
    if (registry.entry(key).map(ConfigEntry::isStatic).orElse(false)) {
      throw ConfigErrors.cannotModifyStatic(key);
    }
    values.remove(key);
  }

  /** The value, or Spark's SQL_CONF_NOT_FOUND when the key is neither set nor known. */
  public String get(String key) {
    return getOption(key).orElseThrow(() -> ConfigErrors.notFound(key));
  }

  /** The value set, else the default; empty for unknown unset keys. */
  public Optional<String> getOption(String key) {
    String set = values.get(key);
    if (set != null) {
      return Optional.of(set);
    }
    return registry.entry(key).map(ConfigEntry::defaultValue);
  }

  /** The value explicitly set, ignoring defaults (GetWithDefault's view). */
  public Optional<String> explicit(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Explicitly set values, sorted by key. */
  public SortedMap<String, String> explicitValues() {
    return new TreeMap<>(values);
  }

  public boolean isModifiable(String key) {
    return registry.entry(key).map(e -> !e.isStatic()).orElse(false);
  }

  public ErrorStyle style() {
    return registry.style();
  }

  // ---- typed accessors for the limits and formats the server applies

  /** spark.sql.session.localRelationSizeLimit in bytes (a long in 4.2, a byte size in 4.1). */
  public long localRelationSizeLimit() {
    return bytes(ConfigRegistry.SIZE_LIMIT, get(ConfigRegistry.SIZE_LIMIT));
  }

  /** spark.sql.session.localRelationChunkSizeLimit in bytes. */
  public long localRelationChunkSizeLimit() {
    return bytes(ConfigRegistry.CHUNK_SIZE_LIMIT, get(ConfigRegistry.CHUNK_SIZE_LIMIT));
  }

  /** A local relation limit's value (already type-checked) in bytes. */
  private long bytes(String key, String value) {
    return key.equals(ConfigRegistry.SIZE_LIMIT) && registry.style() != ErrorStyle.SPARK_4_1
        ? Long.parseLong(value.trim())
        : ByteSizes.parse(value, registry.style());
  }

  /** spark.sql.session.timeZone, as set. */
  public String sessionTimeZone() {
    return get(ConfigRegistry.TIME_ZONE);
  }

  /**
   * spark.sql.session.timeZone parsed as Spark parses it (the value was checked by the same
   * parsing when it was set, so it parses here).
   */
  public ZoneId sessionZone() {
    return ConfigType.TimeZoneType.zoneOf(sessionTimeZone());
  }

  public boolean useLargeVarTypes() {
    return get(ConfigRegistry.USE_LARGE_VAR_TYPES).trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /** spark.sql.execution.arrow.maxRecordsPerBatch: rows per result batch; 0 or less means no limit. */
  public int maxRecordsPerBatch() {
    return Integer.parseInt(get(ConfigRegistry.MAX_RECORDS_PER_BATCH).trim());
  }

  /** spark.connect.session.resultChunking.maxChunkSize: the largest piece of a chunked result batch. */
  public long resultMaxChunkSize() {
    return ByteSizes.parse(get(ConfigRegistry.RESULT_MAX_CHUNK_SIZE), registry.style());
  }

  /** spark.connect.grpc.arrow.maxBatchSize: result batches are cut at 70% of it, like Spark. */
  public long arrowMaxBatchSize() {
    return ByteSizes.parse(get(ConfigRegistry.ARROW_MAX_BATCH_SIZE), registry.style());
  }

  /** How many bytes of already-sent responses a reattachable execution keeps for re-sending. */
  public long retryBufferSize() {
    return ByteSizes.parse(get(ConfigRegistry.RETRY_BUFFER_SIZE), registry.style());
  }
}
