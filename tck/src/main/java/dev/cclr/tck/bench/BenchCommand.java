package dev.cclr.tck.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tck bench}: upload a generated relation the way Spark's clients do, execute it as a
 * chunked cached local relation, drain and verify the result, and report MB/s per phase and the
 * server's peak resident memory; against two servers alternately, with the no-op ceiling.
 *
 * <p>Why about 400 lines in one class: most of it is the picocli option declarations with their
 * help texts, which a user reads as one page; the measuring itself is in {@link Round}, the
 * servers in {@link BenchTarget}, the warm-up in {@link WarmUp}, the figures in {@link Costs} and
 * {@link Stats}. Moving the orchestration out is the next step when this class grows again.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  java -jar tck.jar bench --target sc://127.0.0.1:15002 --size 64MiB --rounds 3"},
    description = {
        "Measures upload, execute+download and end-to-end throughput of a chunked cached local relation.",
        "Data: id BIGINT NOT NULL, s STRING (1000 characters), cut into Arrow IPC chunks named cache/<sha256>,",
        "uploaded in one AddArtifacts call framed as Spark's clients frame it, after one ArtifactStatus.",
        "Ends with one line of key=value pairs (per size with --sizes)."})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--target", required = true,
      description = "embedded (reference server, child JVM), other-build:<class path> (the reference server of another "
          + "build, e.g. the jar of the commit before a change: a before-and-after comparison in one run), "
          + "spark:<version>, noop, raw (grpc-java byte streams), or sc://host:port")
  String target;

  @Option(names = "--vs", description = "A second target, measured alternately with the first.")
  String vs;

  @Option(names = "--size", converter = Sizes.Converter.class, defaultValue = "512MiB",
      description = "Relation size (default: ${DEFAULT-VALUE}). Units KiB, MiB, GiB (powers of 1024).")
  long size;

  @Option(names = "--chunk", converter = Sizes.Converter.class, defaultValue = "16MiB",
      description = "Largest Arrow IPC chunk (default 16MiB, Spark's localRelationChunkSizeBytes).")
  long chunk;

  @Option(names = "--message", converter = Sizes.Converter.class, defaultValue = "32KiB",
      description = "AddArtifacts piece size (default 32KiB, Spark's).")
  long message;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds per target, servers alternating round by round; "
      + "medians are reported (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--chart", description = "Write an SVG of throughput and peak memory against size to this file.")
  Path chart;

  @Option(names = "--sizes", description = "Sizes for --chart, e.g. 128MiB,256MiB,512MiB,1GiB,2GiB (replaces --size).")
  String sizes;

  @Option(names = "--vs-max-size", converter = Sizes.Converter.class,
      description = "With --sizes: measure the --vs target only up to this size (Spark is slow).")
  Long vsMaxSize;

  @Option(names = "--warmup", converter = Sizes.Converter.class, defaultValue = "512MiB",
      description = "Before the measured rounds, --warmup-rounds unmeasured rounds per server with a relation of this "
          + "size (at most --size; 0 for none; default: ${DEFAULT-VALUE}), so that JIT warm-up is not measured.")
  long warmup;

  @Option(names = "--warmup-rounds", defaultValue = "2",
      description = "Unmeasured rounds per server before the measured ones, at least (default: ${DEFAULT-VALUE}; 0 for "
          + "none); the spread of the measured rounds' server CPU per GB is printed to show whether they were steady.")
  int warmupRounds;

  @Option(names = "--steady-jit-below", defaultValue = "0.05",
      description = "After --warmup-rounds, a server warms up again until its JIT compiler threads took less than this "
          + "share of its CPU in each of its last --steady-rounds warm-up rounds (default: ${DEFAULT-VALUE}); every "
          + "round prints the share, so whether a figure was measured warm is read, not assumed.")
  double steadyJitBelow;

  @Option(names = "--steady-rounds", defaultValue = "2",
      description = "How many consecutive warm-up rounds must each be below --steady-jit-below (default: "
          + "${DEFAULT-VALUE}; C2 compiles in waves, so one quiet round is often followed by a busy one).")
  int steadyRounds;

  @Option(names = "--warmup-max-rounds", defaultValue = "12",
      description = "Warm-up rounds per server at most, however high its JIT share stays (default: ${DEFAULT-VALUE}; "
          + "never fewer than --warmup-rounds), counted in rounds of --warmup: when --size cuts the warm-up relation, "
          + "as many more rounds as keep the bytes the same, up to 100.")
  int warmupMaxRounds;

  @Option(names = "--no-ceiling", description = "Do not measure the ceilings (the no-op sink and raw gRPC).")
  boolean noCeiling;

  @Option(names = "--seed", defaultValue = "1", description = "Data seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--server-heap", defaultValue = "64m",
      description = "-Xmx of the embedded reference server (default: ${DEFAULT-VALUE}; with the default JVM options "
          + "the resident set is about the heap plus 100-120 MiB).")
  String serverHeap;

  @Option(names = "--server-memory-budget", defaultValue = "0",
      description = "--memory-budget of the embedded reference server: blob bytes kept on its heap before "
          + "spilling to files (default: ${DEFAULT-VALUE}, every blob in a spill file: blobs held on the heap for a "
          + "session's life are promoted and need full collections, and cost 40-60 MiB of resident memory; the "
          + "server's own default is 256MiB, too much for a 64m heap).")
  String serverMemoryBudget;

  @Option(names = "--server-jvm-options", defaultValue = BenchTarget.EMBEDDED_JVM_OPTIONS,
      description = "Further JVM options of the embedded reference server, separated by spaces (default: "
          + "${DEFAULT-VALUE}; see README, Performance, Memory).")
  String serverJvmOptions;

  @Option(names = "--spark-heap", defaultValue = "4g", description = "-Xmx of a spark:<version> server (default: ${DEFAULT-VALUE}).")
  String sparkHeap;

  @Option(names = "--work-dir", description = "Where the data file, server logs and spill files go (default: a temp dir).")
  Path workDir;

  @Option(names = "--timeout", defaultValue = "PT30M", description = "Deadline of each call (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** Results per size, for tests. */
  final List<SizeResult> results = new ArrayList<>();

  record TargetResult(String target, String description, List<Round> rounds, OptionalLong peakRss) {
    boolean verified() {
      return !rounds.isEmpty() && rounds.stream().allMatch(Round::verified);
    }

    Stats endToEnd() {
      return Stats.of(rounds.stream().filter(Round::verified).map(Round::endToEndMBps).toList());
    }

    Stats upload() {
      return Stats.of(rounds.stream().filter(Round::verified).map(Round::uploadMBps).toList());
    }

    Stats execute() {
      return Stats.of(rounds.stream().filter(Round::verified).map(Round::executeMBps).toList());
    }

    Stats of(java.util.function.ToDoubleFunction<Round> figure) {
      return Stats.of(rounds.stream().filter(Round::verified).map(figure::applyAsDouble)
          .filter(Double::isFinite).toList());
    }

    /** Server CPU-s per GB, both phases. */
    Stats serverCpu() {
      return of(Round::serverCpuPerGB);
    }

    /** (max - min) / median of the server's CPU per GB over the measured rounds: how steady they were. */
    double serverCpuSpread() {
      Stats s = serverCpu();
      return (s.max() - s.min()) / s.median();
    }

    String describeCosts() {
      return String.format(Locale.ROOT,
          "server CPU-s/GB upload %s, execute %s, total %s (spread %.0f%%); client CPU-s/GB %s; "
              + "client allocation %s bytes/byte",
          of(Round::serverUploadCpuPerGB).describe(""), of(Round::serverExecuteCpuPerGB).describe(""),
          serverCpu().describe(""), 100 * serverCpuSpread(), of(Round::clientCpuPerGB).describe(""),
          of(Round::clientAllocatedPerByte).describe(""));
    }

    /** The JIT's share of the server's CPU over the measured rounds, in percent. */
    String describeJit() {
      Stats jit = of(r -> 100 * r.serverJitFraction());
      return jit.count() == 0 ? "JIT share of server CPU unknown" : "JIT share of server CPU " + jit.describe("%");
    }
  }

  record SizeResult(long requested, long bytes, long rows, int chunks, Map<String, TargetResult> targets, String keyValues) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    BenchTarget.validate(target);
    if (vs != null) {
      BenchTarget.validate(vs);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    if (steadyRounds < 1) {
      throw new IllegalArgumentException("--steady-rounds must be at least 1");
    }
    if (message < 1024 || message > 64L << 20) {
      throw new IllegalArgumentException("--message must be between 1KiB and 64MiB");
    }
    List<Long> sizeList = sizes != null ? Sizes.parseList(sizes) : List.of(size);
    if (sizes != null && chart == null) {
      throw new IllegalArgumentException("--sizes goes with --chart");
    }
    Path dir = workDir != null ? workDir : Files.createTempDirectory("cclr-bench-");
    Files.createDirectories(dir);
    BenchTarget.Settings settings = new BenchTarget.Settings(serverHeap, serverMemoryBudget,
        serverJvmOptions.isBlank() ? List.of() : List.of(serverJvmOptions.trim().split("\\s+")), sparkHeap, dir);
    out.printf(Locale.ROOT, "bench: machine %d cores, load average at start %s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    boolean allVerified = true;
    for (long requested : sizeList) {
      List<String> specs = new ArrayList<>();
      specs.add(target);
      if (vs != null && (vsMaxSize == null || requested <= vsMaxSize)) {
        specs.add(vs);
      }
      if (!noCeiling) {
        for (String c : List.of("noop", "raw")) {
          if (!specs.contains(c)) {
            specs.add(c);
          }
        }
      }
      SizeResult result = runSize(out, requested, specs, settings);
      results.add(result);
      allVerified &= result.targets().values().stream().allMatch(TargetResult::verified);
      out.println(result.keyValues());
      out.flush();
    }
    if (chart != null) {
      writeChart(out);
    }
    out.printf(Locale.ROOT, "bench: load average at end %s%n", loadAverage());
    if (workDir == null) {
      deleteQuietly(dir);
    }
    out.flush();
    return allVerified ? 0 : 1;
  }

  private SizeResult runSize(PrintWriter out, long requested, List<String> specs, BenchTarget.Settings settings) {
    DataSet.Layout layout = DataSet.Layout.of(requested, chunk, seed);
    long t0 = System.nanoTime();
    try (DataSet data = DataSet.generate(layout, settings.workDir())) {
      out.printf(Locale.ROOT,
          "bench: %s requested: %d chunks of %d rows (%s), %d rows, %d bytes (%.1f MB) in %.1f s; expected %s%n",
          Sizes.format(requested), layout.chunks(), layout.rowsPerChunk(), Sizes.format(chunk), data.totalRows(),
          data.totalBytes(), data.totalBytes() / 1e6, (System.nanoTime() - t0) / 1e9, data.expected());
      out.flush();
      Map<String, BenchTarget> started = new LinkedHashMap<>();
      Map<String, List<Round>> rounds = new LinkedHashMap<>();
      Map<String, OptionalLong> peaks = new LinkedHashMap<>();
      Map<String, String> descriptions = new LinkedHashMap<>();
      try {
        for (String s : specs) {
          long start = System.nanoTime();
          BenchTarget t = BenchTarget.start(s, settings);
          started.put(s, t);
          rounds.put(s, new ArrayList<>());
          descriptions.put(s, t.description());
          out.printf(Locale.ROOT, "bench: %s: %s, started in %.1f s%n", s, t.description(), (System.nanoTime() - start) / 1e9);
          out.flush();
        }
        long warmupBytes = Math.min(warmup, requested);
        new WarmUp(DataSet.Layout.of(warmupBytes, chunk, seed + 1), (int) message, timeout, warmupRounds,
            WarmUp.maxRoundsFor(warmupMaxRounds, warmup, warmupBytes), steadyJitBelow, steadyRounds)
            .run(out, specs, started, settings.workDir());
        for (int r = 1; r <= rounds(); r++) {
          for (String s : specs) {
            BenchTarget t = started.get(s);
            Round round;
            try {
              round = Round.run(t, data, (int) message, timeout);
            } catch (RuntimeException e) {
              round = new Round(s, data.totalBytes(), data.totalRows(), Double.NaN, Double.NaN, false, e.toString(),
                  Costs.UNKNOWN);
            }
            rounds.get(s).add(round);
            OptionalLong peak = t.peakRss();
            out.printf(Locale.ROOT,
                "bench: round %d %-14s upload %7.1f MB/s (%6.2f s)  execute+download %7.1f MB/s (%6.2f s)  end-to-end %7.1f MB/s  peak RSS %s  %s%n"
                    + "bench:         %-14s server CPU-s/GB upload %5.2f execute %5.2f (JIT %s); client CPU-s/GB %5.2f, allocated %5.2f bytes/byte; load %s%n",
                r, s, round.uploadMBps(), round.uploadSeconds(), round.executeMBps(), round.executeSeconds(),
                round.endToEndMBps(), mib(peak), round.verified() ? "verified" : "NOT VERIFIED: " + round.problem(),
                s, round.serverUploadCpuPerGB(), round.serverExecuteCpuPerGB(), WarmUp.percent(round.serverJitFraction()),
                round.clientCpuPerGB(), round.clientAllocatedPerByte(), loadAverage());
            out.flush();
          }
        }
        for (String s : specs) {
          peaks.put(s, started.get(s).peakRss());
        }
      } finally {
        started.values().forEach(BenchTarget::close);
      }
      Map<String, TargetResult> targets = new LinkedHashMap<>();
      for (String s : specs) {
        TargetResult tr = new TargetResult(s, descriptions.get(s), rounds.get(s), peaks.getOrDefault(s, OptionalLong.empty()));
        targets.put(s, tr);
        out.printf(Locale.ROOT, "bench: %s %s: upload %s; execute+download %s; end-to-end %s; peak RSS %s%s%n",
            Sizes.format(requested), s, tr.upload().describe("MB/s"), tr.execute().describe("MB/s"),
            tr.endToEnd().describe("MB/s"), mib(tr.peakRss()), tr.verified() ? "" : "; NOT ALL ROUNDS VERIFIED");
        out.printf(Locale.ROOT, "bench: %s %s: %s; %s%n", Sizes.format(requested), s, tr.describeCosts(),
            tr.describeJit());
      }
      String line = keyValues(requested, data, targets);
      return new SizeResult(requested, data.totalBytes(), data.totalRows(), layout.chunks(), targets, line);
    }
  }

  private int rounds() {
    return rounds;
  }

  private String keyValues(long requested, DataSet data, Map<String, TargetResult> targets) {
    KeyValueLine line = new KeyValueLine();
    TargetResult t = targets.get(target);
    TargetResult t2 = vs == null ? null : targets.get(vs);
    TargetResult noop = targets.get("noop");
    TargetResult raw = targets.get("raw");
    double tRate = t.endToEnd().median();
    if (t2 != null) {
      line.put("throughput_ratio", tRate / t2.endToEnd().median(), 2);
    }
    line.put("T_MBps", tRate, 1);
    if (t2 != null) {
      line.put("T2_MBps", t2.endToEnd().median(), 1);
    }
    line.putMiB("T_peak_rss_MiB", t.peakRss());
    if (t2 != null) {
      line.putMiB("T2_peak_rss_MiB", t2.peakRss());
    }
    if (noop != null) {
      line.put("noop_MBps", noop.endToEnd().median(), 1);
      line.put("T_fraction_of_noop", tRate / noop.endToEnd().median(), 2);
    }
    line.put("T_server_cpu_s_per_GB", t.serverCpu().median(), 2);
    line.put("T_server_upload_cpu_s_per_GB", t.of(Round::serverUploadCpuPerGB).median(), 2);
    line.put("T_server_execute_cpu_s_per_GB", t.of(Round::serverExecuteCpuPerGB).median(), 2);
    line.put("T_client_cpu_s_per_GB", t.of(Round::clientCpuPerGB).median(), 2);
    line.put("T_client_alloc_bytes_per_byte", t.of(Round::clientAllocatedPerByte).median(), 2);
    line.put("T_server_cpu_spread", t.serverCpuSpread(), 2);
    line.put("T_server_jit_fraction", t.of(Round::serverJitFraction).median(), 3);
    if (t2 != null) {
      line.put("T2_server_cpu_s_per_GB", t2.serverCpu().median(), 2);
      line.put("T2_server_jit_fraction", t2.of(Round::serverJitFraction).median(), 3);
    }
    if (noop != null) {
      line.put("noop_server_cpu_s_per_GB", noop.serverCpu().median(), 2);
      line.put("noop_server_jit_fraction", noop.of(Round::serverJitFraction).median(), 3);
    }
    if (raw != null) {
      line.put("raw_MBps", raw.endToEnd().median(), 1);
      line.put("raw_server_cpu_s_per_GB", raw.serverCpu().median(), 2);
      line.put("T_fraction_of_raw", tRate / raw.endToEnd().median(), 2);
    }
    line.put("T_MBps_min", t.endToEnd().min(), 1).put("T_MBps_max", t.endToEnd().max(), 1);
    if (t2 != null) {
      line.put("T2_MBps_min", t2.endToEnd().min(), 1).put("T2_MBps_max", t2.endToEnd().max(), 1);
    }
    line.put("T", target);
    if (t2 != null) {
      line.put("T2", vs);
    } else if (vs != null) {
      line.put("T2", vs + "(skipped_at_this_size)");
    }
    line.put("size", Sizes.format(requested)).put("bytes", Long.toString(data.totalBytes()))
        .put("rows", Long.toString(data.totalRows())).put("rounds", Integer.toString(rounds))
        .put("verified", Boolean.toString(targets.values().stream().allMatch(TargetResult::verified)));
    return line.toString();
  }

  private void writeChart(PrintWriter out) throws IOException {
    List<String> names = new ArrayList<>();
    results.forEach(r -> r.targets().keySet().forEach(n -> {
      if (!names.contains(n)) {
        names.add(n);
      }
    }));
    String[] palette = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    List<SvgChart.Series> throughput = new ArrayList<>();
    List<SvgChart.Series> memory = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String label = n.equals("embedded") ? "reference server (embedded)" : n.equals("noop") ? "no-op sink (ceiling)" : n;
      String color = n.equals("noop") ? "#777777" : palette[i % palette.length];
      List<SvgChart.Point> tp = new ArrayList<>();
      List<SvgChart.Point> mp = new ArrayList<>();
      for (SizeResult r : results) {
        TargetResult tr = r.targets().get(n);
        if (tr != null) {
          tp.add(new SvgChart.Point(r.requested(), tr.endToEnd().median()));
          if (tr.peakRss().isPresent()) {
            mp.add(new SvgChart.Point(r.requested(), tr.peakRss().getAsLong() / (1024.0 * 1024.0)));
          }
        }
      }
      throughput.add(new SvgChart.Series(label, color, n.equals("noop"), tp));
      if (!mp.isEmpty()) {
        memory.add(new SvgChart.Series(label, color, n.equals("noop"), mp));
      }
    }
    String subtitle = String.format(Locale.ROOT,
        "%d cores, %s chunks, %s AddArtifacts pieces, %d round(s) per point, embedded -Xmx%s --memory-budget %s, Spark -Xmx%s",
        Runtime.getRuntime().availableProcessors(), Sizes.format(chunk), Sizes.format(message), rounds, serverHeap,
        serverMemoryBudget, sparkHeap);
    String svg = SvgChart.render("Chunked cached local relation: upload + execute + download", subtitle, throughput, memory);
    if (chart.toAbsolutePath().getParent() != null) {
      Files.createDirectories(chart.toAbsolutePath().getParent());
    }
    Files.writeString(chart, svg, StandardCharsets.UTF_8);
    out.println("bench: chart written to " + chart);
  }

  private static String mib(OptionalLong bytes) {
    return bytes.isPresent() ? Math.round(bytes.getAsLong() / (1024.0 * 1024.0)) + " MiB" : "n/a";
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // Best effort.
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // Best effort.
    }
  }
}
