package dev.cclr.tck.bench;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.spark.SparkServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A server the bench measures: {@code embedded} (the reference server in a child JVM), {@code
 * other-build:<class path>} (the reference server of another build, e.g. the jar of the commit before a
 * change, started the same way: a before-and-after comparison inside one run), {@code
 * spark:<version>} (a real Spark Connect server from Maven Central, in a child JVM), {@code noop}
 * (the {@link NoopSink} in a child JVM) or {@code sc://host:port} (a running server, no memory
 * figure).
 */
abstract class BenchTarget implements AutoCloseable {
  final String label;

  BenchTarget(String label) {
    this.label = label;
  }

  abstract ConnectUri uri();

  /** The server's process, when the bench started it. */
  abstract OptionalLong pid();

  /** How it was started, for the report. */
  abstract String description();

  /** Whether this is the {@link RawSink}, which speaks no Spark Connect. */
  boolean isRaw() {
    return false;
  }

  /** Whether the server needs {@link NoopSink#ROWS_CONF}. */
  boolean isNoop() {
    return false;
  }

  OptionalLong peakRss() {
    OptionalLong pid = pid();
    return pid.isPresent() ? ChildJvm.peakRss(pid.getAsLong()) : OptionalLong.empty();
  }

  @Override
  public abstract void close();

  /** Settings for the servers the bench starts. */
  record Settings(String embeddedHeap, String embeddedMemoryBudget, List<String> embeddedJvmOptions,
      String sparkHeap, Path workDir) {}

  /**
   * The embedded server's JVM options besides -Xmx, for a resident set under 256 MiB and a steady
   * cost per byte (why each: README, Performance, Memory; spec/bench/history.md, "The JIT tuned"):
   * a small initial heap and the serial collector (G1's own structures and regions cost tens of MiB
   * at this size); one pool arena for Arrow's netty allocator with 8 MiB chunks, so that 4 MiB
   * record batch bodies are pooled instead of malloc'ed and freed in per-thread malloc arenas; the
   * same one arena for gRPC's own (shaded) netty, whose buffers uploads are parsed from (four
   * arenas by default on 2 cores: peak RSS 265-274 MiB at 2 GiB, one arena 234-236 MiB); a capped
   * code cache; and C2 only for the really hot code: tier 4 (C2) thresholds ten times the JVM's, so
   * the per-piece and per-frame code of the transport and the upload (called tens of thousands of
   * times a round) is compiled by C2 during the warm-up, while the long tail of per-chunk and
   * per-call methods stays in C1 code. With the JVM's thresholds C2 kept compiling that tail in
   * every round (6-16 % of the server's CPU after six warm-up rounds); with C1 only (the fifth and
   * sixth steps) the hot code cost a quarter more per GB (1.82-1.97 against 1.46-1.47 CPU-s/GB,
   * alternating).
   */
  static final String EMBEDDED_JVM_OPTIONS = "-Xms16m -XX:+UseSerialGC -Dio.netty.allocator.maxOrder=10 "
      + "-Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=0 "
      + "-Dio.grpc.netty.shaded.io.netty.allocator.numDirectArenas=1 "
      + "-Dio.grpc.netty.shaded.io.netty.allocator.maxOrder=10 -XX:ReservedCodeCacheSize=64m "
      + "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 "
      + "-XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000";

  /**
   * Prefix of a reference server from another build. Only a comparison inside one run measures a
   * change on a shared machine: separate runs of the same build differ by as much as most changes
   * do (spec/bench/history.md, eleventh step).
   */
  static final String OTHER_BUILD = "other-build:";

  static void validate(String spec) {
    if (!spec.equals("embedded") && !spec.startsWith(OTHER_BUILD) && !spec.equals("noop") && !spec.equals("raw")
        && !spec.startsWith("spark:") && !spec.startsWith("sc://")) {
      throw new IllegalArgumentException("unknown target '" + spec
          + "': use embedded, other-build:<class path>, noop, raw, spark:<version> or sc://host:port");
    }
    if (spec.startsWith("sc://")) {
      ConnectUri.parse(spec);
    }
    if (spec.startsWith(OTHER_BUILD)) {
      otherBuildClassPath(spec);
    }
  }

  /** The class path of an {@code other-build:<class path>} target, every entry of it an existing file or directory. */
  static String otherBuildClassPath(String spec) {
    String classPath = spec.substring(OTHER_BUILD.length());
    if (classPath.isBlank()) {
      throw new IllegalArgumentException("target '" + spec + "' names no class path: use other-build:<jar or class path>");
    }
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!java.nio.file.Files.exists(Path.of(entry))) {
        throw new IllegalArgumentException("target '" + spec + "': no such file or directory: " + entry);
      }
    }
    return classPath;
  }

  static BenchTarget start(String spec, Settings settings) {
    validate(spec);
    if (spec.equals("embedded") || spec.startsWith(OTHER_BUILD)) {
      String classPath = spec.equals("embedded") ? System.getProperty("java.class.path") : otherBuildClassPath(spec);
      List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0",
          "--store-dir", settings.workDir().resolve("store").toString(),
          "--memory-budget", settings.embeddedMemoryBudget(),
          // The bench's relations go up to 8 GiB and beyond Spark's default 3 GiB limit.
          "--max-local-relation-size-limit", "1024GiB"));
      Path store = settings.workDir().resolve("store");
      try {
        java.nio.file.Files.createDirectories(store);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      List<String> jvm = new ArrayList<>(List.of("-Xmx" + settings.embeddedHeap()));
      jvm.addAll(settings.embeddedJvmOptions());
      ChildJvm child = ChildJvm.start(classPath, jvm, "dev.cclr.server.Main", args,
          Pattern.compile("Reference server listening on [^:\\s]+:(\\d+)"),
          settings.workDir().resolve("embedded-" + System.nanoTime() + ".log"), Duration.ofSeconds(60));
      String build = spec.equals("embedded") ? "" : " from " + classPath;
      return new ChildTarget(spec, child, "reference server" + build + ", child JVM " + String.join(" ", jvm)
          + " --memory-budget " + settings.embeddedMemoryBudget() + ", pid " + child.pid());
    }
    if (spec.equals("noop")) {
      ChildJvm child = ChildJvm.start(List.of("-Xmx1g"), NoopSink.class.getName(), List.of("0"),
          Pattern.compile("noop sink listening on [^:\\s]+:(\\d+)"),
          settings.workDir().resolve("noop-" + System.nanoTime() + ".log"), Duration.ofSeconds(60));
      return new ChildTarget(spec, child, "no-op gRPC sink, child JVM -Xmx1g, pid " + child.pid()) {
        @Override
        boolean isNoop() {
          return true;
        }
      };
    }
    if (spec.equals("raw")) {
      ChildJvm child = ChildJvm.start(List.of("-Xmx1g"), RawSink.class.getName(), List.of("0"),
          Pattern.compile("raw sink listening on [^:\\s]+:(\\d+)"),
          settings.workDir().resolve("raw-" + System.nanoTime() + ".log"), Duration.ofSeconds(60));
      return new ChildTarget(spec, child, "raw grpc-java byte streams (" + RawRound.DOWNLOAD_MESSAGE / (1 << 20)
          + " MiB messages down), child JVM -Xmx1g, pid " + child.pid()) {
        @Override
        boolean isRaw() {
          return true;
        }
      };
    }
    if (spec.startsWith("spark:")) {
      String version = spec.substring("spark:".length());
      SparkServerProcess spark = SparkServerProcess.builder(version).heap(settings.sparkHeap())
          .logFile(settings.workDir().resolve("spark-" + version + "-" + System.nanoTime() + ".log"))
          .startupTimeout(Duration.ofMinutes(5))
          .start();
      return new BenchTarget(spec) {
        @Override
        ConnectUri uri() {
          return spark.connectUri();
        }

        @Override
        OptionalLong pid() {
          return OptionalLong.of(spark.pid());
        }

        @Override
        String description() {
          return "Apache Spark " + version + " Connect server, child JVM -Xmx" + settings.sparkHeap()
              + ", local[2], pid " + spark.pid();
        }

        @Override
        public void close() {
          spark.close();
        }
      };
    }
    ConnectUri uri = ConnectUri.parse(spec);
    return new BenchTarget(spec) {
      @Override
      ConnectUri uri() {
        return uri;
      }

      @Override
      OptionalLong pid() {
        return OptionalLong.empty();
      }

      @Override
      String description() {
        return "running server " + uri + " (not started by the bench: no memory figure)";
      }

      @Override
      public void close() {}
    };
  }

  private static class ChildTarget extends BenchTarget {
    private final ChildJvm child;
    private final String description;

    ChildTarget(String label, ChildJvm child, String description) {
      super(label);
      this.child = child;
      this.description = description;
    }

    @Override
    ConnectUri uri() {
      return ConnectUri.local(child.port());
    }

    @Override
    OptionalLong pid() {
      return OptionalLong.of(child.pid());
    }

    @Override
    String description() {
      return description;
    }

    @Override
    public void close() {
      child.close();
    }
  }
}
