package dev.cclr.tck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a round cost, phase by phase: CPU seconds of the server process (utime + stime from
 * {@code /proc/<pid>/stat}, so every thread of the server: gRPC, GC, JIT) and of the bench
 * client's own JVM (its process CPU time, so the same), and the bytes the client's threads
 * allocated (HotSpot's per-thread counters summed over live threads; a thread that ends during
 * the round takes its count with it, so this is a lower bound). NaN where there is no figure
 * (no /proc, a server the bench did not start).
 *
 * <p>{@code serverJitCpuS} is the part of the server's CPU, over both phases, that its JIT
 * compiler threads took: whether a round was measured warm is read from it, not assumed from the
 * number of warm-up rounds.
 */
record Costs(double serverUploadCpuS, double serverExecuteCpuS, double clientUploadCpuS,
    double clientExecuteCpuS, double clientAllocatedBytes, double serverJitCpuS) {

  static final Costs UNKNOWN = new Costs(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** CPU-s per 10^9 bytes moved. */
  static double perGB(double seconds, long bytes) {
    return seconds / (bytes / 1e9);
  }

  double serverCpuS() {
    return serverUploadCpuS + serverExecuteCpuS;
  }

  double clientCpuS() {
    return clientUploadCpuS + clientExecuteCpuS;
  }

  /** The JIT's part of the server's CPU in this round; NaN when either is unknown. */
  double serverJitFraction() {
    return serverJitCpuS / serverCpuS();
  }

  /**
   * One reading of every counter, taken at a phase boundary; {@code serverJitThreads} maps each
   * JIT compiler thread of the server (by thread id) to its CPU seconds so far, empty when none is
   * known.
   */
  record Sample(double serverCpuS, double clientCpuS, double clientAllocatedBytes, Map<Long, Double> serverJitThreads) {

    static Sample take(long serverPid) {
      return new Sample(serverPid > 0 ? processCpuSeconds(serverPid) : Double.NaN, clientCpuSeconds(),
          clientAllocatedBytesSoFar(), serverPid > 0 ? jitThreadSeconds(serverPid) : Map.of());
    }

    /** The costs between three samples: start, end of upload, end of execute. */
    static Costs between(Sample start, Sample uploaded, Sample executed) {
      return new Costs(uploaded.serverCpuS - start.serverCpuS, executed.serverCpuS - uploaded.serverCpuS,
          uploaded.clientCpuS - start.clientCpuS, executed.clientCpuS - uploaded.clientCpuS,
          executed.clientAllocatedBytes - start.clientAllocatedBytes,
          jitSecondsBetween(start.serverJitThreads, executed.serverJitThreads));
    }
  }

  /**
   * The JIT's CPU seconds between two readings, thread by thread: HotSpot starts and ends compiler
   * threads as its queue grows and shrinks, so a sum over the threads alive at each reading would
   * lose an ended thread's whole time (a negative share was seen). A thread new at the second
   * reading counts from zero, one that ended counts nothing (so this is a lower bound), and a
   * thread id found again with less time is a new thread that reused the id. NaN when the second
   * reading knows no compiler thread.
   */
  static double jitSecondsBetween(Map<Long, Double> before, Map<Long, Double> after) {
    if (after.isEmpty()) {
      return Double.NaN;
    }
    double total = 0;
    for (Map.Entry<Long, Double> thread : after.entrySet()) {
      double then = before.getOrDefault(thread.getKey(), 0.0);
      total += thread.getValue() >= then ? thread.getValue() - then : thread.getValue();
    }
    return total;
  }

  /**
   * Clock ticks per second of /proc's utime and stime. Linux reports them in USER_HZ, which is 100
   * on every architecture Java runs on (the kernel ABI fixes it; sysconf(_SC_CLK_TCK) says the same).
   */
  private static final double TICKS_PER_SECOND = 100.0;

  /** utime + stime of a live process in seconds, NaN when /proc cannot tell. */
  static double processCpuSeconds(long pid) {
    try {
      return cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * utime + stime in seconds of a HotSpot process's JIT compiler threads ({@code /proc/<pid>/task/*}
   * named {@code C1 CompilerThre…} or {@code C2 CompilerThre…}: HotSpot's "C2 CompilerThread0" cut
   * to the kernel's 15 characters). NaN when /proc cannot tell or no such thread is found (not a
   * HotSpot JVM, or -Xint), so that an unknown share is never read as zero.
   */
  static double jitCpuSeconds(long pid) {
    Map<Long, Double> threads = jitThreadSeconds(pid);
    return threads.isEmpty() ? Double.NaN : threads.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The CPU seconds of each JIT compiler thread of a process, by thread id; empty when none is found. */
  static Map<Long, Double> jitThreadSeconds(long pid) {
    Map<Long, Double> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException threadEnded) {
          continue;
        }
        if (isJitThread(threadName(stat))) {
          threads.put(Long.parseLong(task.getFileName().toString()), cpuSeconds(stat));
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return threads;
  }

  static boolean isJitThread(String name) {
    return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
  }

  /** Field 2 of a /proc stat line: the name between the first '(' and the last ')'. */
  static String threadName(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** utime + stime of one /proc stat line, in seconds. */
  static double cpuSeconds(String stat) {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // After the name, field 3 (state) is index 0, so utime (field 14) is 11 and stime (15) is 12.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  static double clientCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long ns = os.getProcessCpuTime();
      return ns < 0 ? Double.NaN : ns / 1e9;
    }
    return Double.NaN;
  }

  static double clientAllocatedBytesSoFar() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
      long total = 0;
      for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        if (bytes > 0) {
          total += bytes;
        }
      }
      return total;
    }
    return Double.NaN;
  }
}
