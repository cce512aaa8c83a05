package dev.cclr.server.config;

import dev.cclr.server.errors.ErrorStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configuration keys this server knows, with Spark's types, defaults (in the format Spark's
 * Get prints them) and checks: the chunked-local-relation keys, and every key the Scala and
 * Python clients read before createDataFrame or a collect. Defaults were read from real Spark
 * 4.2.0 and 4.1.2 servers; {@link ErrorStyle#SPARK_4_1} selects 4.1's differences.
 *
 * <p>spark.sql.session.timeZone defaults to this JVM's zone, as in Spark (whose default is the
 * driver JVM's zone).
 */
public final class ConfigRegistry {

  public static final String CACHE_THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
  public static final String CHUNK_SIZE_ROWS = "spark.sql.session.localRelationChunkSizeRows";
  public static final String CHUNK_SIZE_BYTES = "spark.sql.session.localRelationChunkSizeBytes";
  public static final String BATCH_OF_CHUNKS_SIZE_BYTES = "spark.sql.session.localRelationBatchOfChunksSizeBytes";
  public static final String CHUNK_SIZE_LIMIT = "spark.sql.session.localRelationChunkSizeLimit";
  public static final String SIZE_LIMIT = "spark.sql.session.localRelationSizeLimit";
  public static final String TIME_ZONE = "spark.sql.session.timeZone";
  public static final String USE_LARGE_VAR_TYPES = "spark.sql.execution.arrow.useLargeVarTypes";
  public static final String MAX_RECORDS_PER_BATCH = "spark.sql.execution.arrow.maxRecordsPerBatch";
  public static final String RESULT_MAX_CHUNK_SIZE = "spark.connect.session.resultChunking.maxChunkSize";
  public static final String ARROW_MAX_BATCH_SIZE = "spark.connect.grpc.arrow.maxBatchSize";
  public static final String RETRY_BUFFER_SIZE = "spark.connect.execute.reattachable.observerRetryBufferSize";

  private static final ConfigType INT = new ConfigType.IntType();
  private static final ConfigType LONG = new ConfigType.LongType();
  private static final ConfigType BYTES = new ConfigType.BytesType();
  private static final ConfigType BOOLEAN = new ConfigType.BooleanType();
  private static final ConfigType STRING = new ConfigType.StringType();

  private final ErrorStyle style;
  private final Map<String, ConfigEntry> entries;

  /** The default operator maximum of localRelationSizeLimit: Spark's default, 3 GiB. */
  public static final long DEFAULT_MAX_SIZE_LIMIT = 3L << 30;
  /** The default operator maximum of localRelationChunkSizeLimit: Spark's default, 2000 MiB. */
  public static final long DEFAULT_MAX_CHUNK_SIZE_LIMIT = 2000L << 20;

  private final long maxSizeLimit;
  private final long maxChunkSizeLimit;

  public ConfigRegistry(ErrorStyle style) {
    this(style, DEFAULT_MAX_SIZE_LIMIT, DEFAULT_MAX_CHUNK_SIZE_LIMIT);
  }

  /**
   * With the operator's maxima for the two local relation limits (SRV-SEC-005): a client may
   * lower either limit but not set it above its maximum.
   */
  public ConfigRegistry(ErrorStyle style, long maxSizeLimit, long maxChunkSizeLimit) {
    if (maxSizeLimit <= 0 || maxChunkSizeLimit <= 0) {
      throw new IllegalArgumentException("the maxima of the local relation limits must be positive");
    }
    this.maxSizeLimit = maxSizeLimit;
    this.maxChunkSizeLimit = maxChunkSizeLimit;
    this.style = style;
    this.entries = Stream.concat(localRelationEntries(style), clientReadEntries(style))
        .collect(Collectors.toUnmodifiableMap(ConfigEntry::key, Function.identity()));
  }

  public ErrorStyle style() {
    return style;
  }

  /** The operator maximum of a key, if it has one (the two local relation limits). */
  java.util.OptionalLong maximum(String key) {
    return switch (key) {
      case SIZE_LIMIT -> java.util.OptionalLong.of(maxSizeLimit);
      case CHUNK_SIZE_LIMIT -> java.util.OptionalLong.of(maxChunkSizeLimit);
      default -> java.util.OptionalLong.empty();
    };
  }

  Optional<ConfigEntry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  private static Stream<ConfigEntry> localRelationEntries(ErrorStyle style) {
    ConfigEntry sizeLimit = style == ErrorStyle.SPARK_4_1
        // 4.1.x: a bytesConf without a check ("1k" and "0" are accepted).
        ? ConfigEntry.session(SIZE_LIMIT, BYTES, ByteSizes.render(3L << 30))
        : ConfigEntry.session(SIZE_LIMIT, LONG, Long.toString(3L << 30))
            .requiring(v -> v > 0, "The local relation size in bytes must be positive");
    return Stream.of(
        ConfigEntry.session(CACHE_THRESHOLD, INT, "1048576")
            .requiring(v -> v >= 0, "The threshold of cached local relations must not be negative"),
        ConfigEntry.session(CHUNK_SIZE_ROWS, INT, "10000")
            .requiring(v -> v > 0, "The chunk size in number of rows must be positive"),
        ConfigEntry.session(CHUNK_SIZE_BYTES, LONG, "16777216")
            .requiring(v -> v > 0, "The chunk size in bytes must be positive"),
        ConfigEntry.session(BATCH_OF_CHUNKS_SIZE_BYTES, LONG, "1073741824")
            .requiring(v -> v > 0, "The batch size in bytes must be positive"),
        // "2000MB"; a bytesConf without a check in both versions ("-1" is accepted).
        ConfigEntry.session(CHUNK_SIZE_LIMIT, BYTES, ByteSizes.render(2000L << 20)),
        sizeLimit);
  }

  private static Stream<ConfigEntry> clientReadEntries(ErrorStyle style) {
    String pythonArrowUdfs = style == ErrorStyle.SPARK_4_1 ? "false" : "true";
    return Stream.of(
        ConfigEntry.session(TIME_ZONE, new ConfigType.TimeZoneType(), TimeZone.getDefault().getID()),
        ConfigEntry.session(USE_LARGE_VAR_TYPES, BOOLEAN, "false"),
        ConfigEntry.session(MAX_RECORDS_PER_BATCH, INT, "10000"),
        ConfigEntry.session("spark.sql.timestampType",
            new ConfigType.EnumType(List.of("TIMESTAMP_NTZ", "TIMESTAMP_LTZ"), false), "TIMESTAMP_LTZ"),
        ConfigEntry.session("spark.sql.ansi.enabled", BOOLEAN, "true"),
        ConfigEntry.session("spark.connect.session.planCompression.threshold", INT, "10485760"),
        ConfigEntry.session("spark.connect.session.planCompression.defaultAlgorithm",
            new ConfigType.EnumType(List.of("NONE", "ZSTD"), true), "ZSTD"),
        ConfigEntry.session("spark.connect.session.planCache.enabled", BOOLEAN, "true"),
        ConfigEntry.session(RESULT_MAX_CHUNK_SIZE, BYTES, ByteSizes.render(120795955L)),
        ConfigEntry.session("spark.sql.connect.enrichError.enabled", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.connect.serverStacktrace.enabled", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.pyspark.jvmStacktrace.enabled", BOOLEAN, "false"),
        ConfigEntry.session("spark.sql.execution.arrow.pyspark.enabled", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.execution.arrow.pyspark.fallback.enabled", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.execution.arrow.pyspark.selfDestruct.enabled", BOOLEAN, "false"),
        ConfigEntry.session("spark.sql.execution.arrow.localRelationThreshold", BYTES, ByteSizes.render(48L << 20)),
        ConfigEntry.session("spark.sql.execution.pandas.convertToArrowArraySafely", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.execution.pandas.inferPandasDictAsMap", BOOLEAN, "false"),
        // An enum in Spark; its exact check was not verified, so any string is accepted here.
        ConfigEntry.session("spark.sql.execution.pandas.structHandlingMode", STRING, "legacy"),
        ConfigEntry.session("spark.sql.execution.pandas.udf.buffer.size", INT, "65536"),
        ConfigEntry.session("spark.sql.execution.pyspark.binaryAsBytes", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.execution.pythonUDF.arrow.enabled", BOOLEAN, pythonArrowUdfs),
        ConfigEntry.session("spark.sql.execution.pythonUDTF.arrow.enabled", BOOLEAN, pythonArrowUdfs),
        ConfigEntry.session("spark.sql.pyspark.inferNestedDictAsStruct.enabled", BOOLEAN, "false"),
        ConfigEntry.session("spark.sql.pyspark.legacy.inferArrayTypeFromFirstElement.enabled", BOOLEAN, "false"),
        ConfigEntry.session("spark.sql.pyspark.legacy.inferMapTypeFromFirstPair.enabled", BOOLEAN, "false"),
        ConfigEntry.session("spark.sql.legacy.execution.pandas.groupedMap.assignColumnsByName", BOOLEAN, "true"),
        ConfigEntry.session("spark.sql.repl.eagerEval.enabled", BOOLEAN, "false"),
        ConfigEntry.session("spark.sql.repl.eagerEval.maxNumRows", INT, "20"),
        ConfigEntry.session("spark.sql.repl.eagerEval.truncate", INT, "20"),
        // Server-wide settings: readable, not modifiable.
        ConfigEntry.staticConf("spark.connect.grpc.maxInboundMessageSize", BYTES, ByteSizes.render(128L << 20)),
        ConfigEntry.staticConf(ARROW_MAX_BATCH_SIZE, BYTES, ByteSizes.render(128L << 20)),
        ConfigEntry.staticConf(RETRY_BUFFER_SIZE, BYTES, ByteSizes.render(10L << 20)),
        ConfigEntry.staticConf("spark.connect.execute.reattachable.senderMaxStreamDuration", STRING, "120000ms"),
        ConfigEntry.staticConf("spark.connect.execute.reattachable.senderMaxStreamSize", BYTES,
            ByteSizes.render(1L << 30)));
  }
}
