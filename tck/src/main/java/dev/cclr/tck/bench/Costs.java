package dev.cclr.tck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a round cost, phase by phase: CPU seconds of the server process (utime + stime from
 * {@code /proc/<pid>/stat}, so every thread of the server: gRPC, GC, JIT) and of the bench
 * client's own JVM (its process CPU time, so the same), and the bytes the client's threads
 * allocated (HotSpot's per-thread counters summed over live threads; a thread that ends during
 * the round takes its count with it, so this is a lower bound). NaN where there is no figure
 * (no /proc, a server the bench did not start).
 */
record Costs(double serverUploadCpuS, double serverExecuteCpuS, double clientUploadCpuS,
    double clientExecuteCpuS, double clientAllocatedBytes) {

  static final Costs UNKNOWN = new Costs(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

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

  /** One reading of every counter, taken at a phase boundary. */
  record Sample(double serverCpuS, double clientCpuS, double clientAllocatedBytes) {

    static Sample take(long serverPid) {
      return new Sample(serverPid > 0 ? processCpuSeconds(serverPid) : Double.NaN, clientCpuSeconds(),
          clientAllocatedBytesSoFar());
    }

    /** The costs between three samples: start, end of upload, end of execute. */
    static Costs between(Sample start, Sample uploaded, Sample executed) {
      return new Costs(uploaded.serverCpuS - start.serverCpuS, executed.serverCpuS - uploaded.serverCpuS,
          uploaded.clientCpuS - start.clientCpuS, executed.clientCpuS - uploaded.clientCpuS,
          executed.clientAllocatedBytes - start.clientAllocatedBytes);
    }
  }

  /**
   * Clock ticks per second of /proc's utime and stime. Linux reports them in USER_HZ, which is 100
   * on every architecture Java runs on (the kernel ABI fixes it; sysconf(_SC_CLK_TCK) says the same).
   */
  private static final double TICKS_PER_SECOND = 100.0;

  /** utime + stime of a live process in seconds, NaN when /proc cannot tell. */
  static double processCpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      // After the name, field 3 (state) is index 0, so utime (field 14) is 11 and stime (15) is 12.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
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
