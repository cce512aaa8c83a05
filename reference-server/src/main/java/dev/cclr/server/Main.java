package dev.cclr.server;

import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.relations.RelationPlanner;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line entry point: runs a {@link ReferenceServer} until SIGTERM/SIGINT, then stops it
 * cleanly (sessions released, spill files deleted). The relation planner is the
 * {@link RelationPlanner} registered on the class path through java.util.ServiceLoader.
 */
@Command(name = "reference-server", mixinStandardHelpOptions = true,
    description = "Spark Connect reference server for chunked cached local relations.")
public final class Main implements Callable<Integer> {

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port to bind, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port = 15002;

  @Option(names = "--store-dir", description = "Directory for blobs spilled to disk (default: the temp dir).")
  Path storeDir = Path.of(System.getProperty("java.io.tmpdir"));

  @Option(names = "--memory-budget", converter = SizeOption.class,
      description = "Bytes of uploaded blobs kept in memory, e.g. 256MiB (default: 256MiB).")
  long memoryBudget = 256L << 20;

  @Option(names = "--error-style", converter = StyleOption.class,
      description = "spark-4.2 (default) or spark-4.1: which Spark version's errors and config formats to mimic.")
  ErrorStyle errorStyle = ErrorStyle.SPARK_4_2;

  @Option(names = "--spark-version", description = "Version reported by AnalyzePlan (default: 4.2.0, or 4.1.2 in spark-4.1 style).")
  String sparkVersion;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Logger log = LoggerFactory.getLogger(Main.class);
    RelationPlanner planner = ServiceLoader.load(RelationPlanner.class).findFirst().orElse(null);
    if (planner == null) {
      log.error("No RelationPlanner found on the class path (META-INF/services/{})", RelationPlanner.class.getName());
      return 2;
    }
    ReferenceServer.Builder builder = ReferenceServer.builder()
        .host(host).port(port).storeDir(storeDir).memoryBudget(memoryBudget).errorStyle(errorStyle).planner(planner);
    if (sparkVersion != null) {
      builder.sparkVersion(sparkVersion);
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
