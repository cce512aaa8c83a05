package dev.cclr.server;

import dev.cclr.server.errors.ErrorStyle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line entry point: runs a {@link ReferenceServer} until SIGTERM/SIGINT, then stops it
 * cleanly (sessions released, spill files deleted).
 */
@Command(name = "reference-server", mixinStandardHelpOptions = true,
    description = "Spark Connect reference server for chunked cached local relations.")
public final class Main implements Callable<Integer> {

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  // The default comes from CCLR_SERVER_PORT when set: the server's container image is started in
  // the host's network namespace by the TCK's container target, which picks the port this way.
  @Option(names = "--port", defaultValue = "${env:CCLR_SERVER_PORT:-15002}",
      description = "Port to bind, 0 for any free one (default: ${DEFAULT-VALUE}, from CCLR_SERVER_PORT if set).")
  int port;

  @Option(names = "--store-dir", description = "Directory for blobs spilled to disk (default: the temp dir).")
  Path storeDir = Path.of(System.getProperty("java.io.tmpdir"));

  @Option(names = "--memory-budget", converter = SizeOption.class,
      description = "Bytes of uploaded blobs kept in memory, e.g. 256MiB (default: 256MiB); 0 writes every blob to a file.")
  long memoryBudget = 256L << 20;

  @Option(names = "--max-local-relation-size-limit", converter = SizeOption.class,
      description = "The most a client may set spark.sql.session.localRelationSizeLimit to (default: 3GiB).")
  long maxSizeLimit = 3L << 30;

  @Option(names = "--max-local-relation-chunk-size-limit", converter = SizeOption.class,
      description = "The most a client may set spark.sql.session.localRelationChunkSizeLimit to (default: 2000MiB).")
  long maxChunkSizeLimit = 2000L << 20;

  @Option(names = "--error-style", converter = StyleOption.class,
      description = "spark-4.2 (default) or spark-4.1: which Spark version's errors and config formats to mimic.")
  ErrorStyle errorStyle = ErrorStyle.SPARK_4_2;

  @Option(names = "--spark-version", description = "Version reported by AnalyzePlan (default: 4.2.0, or 4.1.2 in spark-4.1 style).")
  String sparkVersion;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A value every new session starts with, as Spark's --conf sets session defaults (repeatable).")
  java.util.Map<String, String> sessionDefaults = new java.util.LinkedHashMap<>();

  @Option(names = "--session-storage-quota", converter = SizeOption.class,
      description = "The most bytes of blobs one session may hold, e.g. 8GiB (default: unbounded).")
  Long sessionStorageQuota;

  @Option(names = "--store-capacity", converter = SizeOption.class,
      description = "The most bytes of spilled blobs the store directory may hold, e.g. 20GiB; an upload that "
          + "needs more fails with RESOURCE_EXHAUSTED, as on a full disk (default: the disk's size).")
  Long storeCapacity;

  @Option(names = "--max-decompressed-batch-size", converter = SizeOption.class,
      description = "The most bytes one compressed record batch may declare uncompressed, e.g. 1GiB; the session's "
          + "localRelationChunkSizeLimit bounds it further (default: 256MiB).")
  Long maxDecompressedBatchSize;

  @Option(names = "--token", description = "Require 'authorization: Bearer <token>' on every call (default: none). "
      + "Also read from the environment variable CCLR_SERVER_TOKEN, which keeps it off the command line.")
  String token = System.getenv("CCLR_SERVER_TOKEN");

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ReferenceServer.Builder builder = ReferenceServer.builder()
        .host(host).port(port).storeDir(storeDir).memoryBudget(memoryBudget).errorStyle(errorStyle)
        .maxLocalRelationLimits(maxSizeLimit, maxChunkSizeLimit);
    if (sparkVersion != null) {
      builder.sparkVersion(sparkVersion);
    }
    sessionDefaults.forEach(builder::sessionDefault);
    if (sessionStorageQuota != null) {
      builder.sessionStorageQuota(sessionStorageQuota);
    }
    if (maxDecompressedBatchSize != null) {
      builder.maxDecompressedBatchSize(maxDecompressedBatchSize);
    }
    if (storeCapacity != null) {
      builder.storeCapacity(storeCapacity);
    }
    if (token != null && !token.isBlank()) {
      builder.bearerToken(token);
    }
    ReferenceServer server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "cclr-shutdown"));
    server.awaitTermination();
    return 0;
  }

  /** Accepts the documented spellings of {@link ErrorStyle}. */
  static final class StyleOption implements CommandLine.ITypeConverter<ErrorStyle> {
    @Override
    public ErrorStyle convert(String value) {
      return switch (value) {
        case "spark-4.2", "4.2" -> ErrorStyle.SPARK_4_2;
        case "spark-4.1", "4.1" -> ErrorStyle.SPARK_4_1;
        default -> throw new CommandLine.TypeConversionException("expected spark-4.2 or spark-4.1, got '" + value + "'");
      };
    }
  }
}
