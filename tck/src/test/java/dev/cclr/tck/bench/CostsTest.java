package dev.cclr.tck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JIT's part of a server's CPU, read from /proc: parsed from stat lines, found in JVMs that
 * compile, and unknown (not zero) in one that cannot.
 */
class CostsTest {

  @Test
  void statLinesAreParsedAroundNamesWithSpacesAndParentheses() {
    String stat = "4242 (C2 CompilerThre) S 1 2 3 0 -1 4194368 10 0 0 0 250 75 0 0 20 0 1 0 99 0 0";
    assertEquals("C2 CompilerThre", Costs.threadName(stat));
    assertEquals(3.25, Costs.cpuSeconds(stat), 1e-9);
    String odd = "7 (a) b (c)) R 1 2 3 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 99 0 0";
    assertEquals("a) b (c)", Costs.threadName(odd));
    assertEquals(0.10, Costs.cpuSeconds(odd), 1e-9);
  }

  @Test
  void onlyHotSpotCompilerThreadsCountAsJit() {
    assertTrue(Costs.isJitThread("C2 CompilerThre"));
    assertTrue(Costs.isJitThread("C1 CompilerThre"));
    for (String other : List.of("VM Thread", "G1 Conc#0", "grpc-default-ex", "java", "C2 Compiler", "Sweeper thread")) {
      assertFalse(Costs.isJitThread(other), other);
    }
  }

  @Test
  void jitTimeIsCountedThreadByThreadSoThatAnEndedCompilerThreadCannotMakeItNegative() {
    // Thread 11 went on compiling, 12 ended (HotSpot removes idle compiler threads), 13 is new.
    Map<Long, Double> before = Map.of(11L, 2.0, 12L, 5.0);
    Map<Long, Double> after = Map.of(11L, 2.5, 13L, 0.25);
    assertEquals(0.75, Costs.jitSecondsBetween(before, after), 1e-9);
    // A thread id found again with less time is a new thread that reused the id.
    assertEquals(0.5, Costs.jitSecondsBetween(Map.of(11L, 3.0), Map.of(11L, 0.5)), 1e-9);
    assertEquals(0.0, Costs.jitSecondsBetween(Map.of(11L, 1.0), Map.of(11L, 1.0)), 1e-9);
    assertTrue(Double.isNaN(Costs.jitSecondsBetween(before, Map.of())), "no compiler thread known: unknown");
  }

  @Test
  void aCompilingJvmShowsJitTimeWithinItsOwnCpu() throws Exception {
    // -Xcomp compiles every method the JVM runs at its first call: far more than one 10 ms clock tick of JIT.
    Process child = start(List.of("-Xcomp"), "spin");
    try {
      TimeUnit.MILLISECONDS.sleep(2500);
      double jit = Costs.jitCpuSeconds(child.pid());
      double all = Costs.processCpuSeconds(child.pid());
      assertTrue(jit >= 0.05, "JIT CPU of a JVM that compiled: " + jit);
      assertTrue(jit <= all, "JIT " + jit + " s is part of the process's " + all + " s");
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void anInterpretingJvmHasNoJitShareRatherThanZero() throws Exception {
    Process child = start(List.of("-Xint"), "sleep");
    try {
      TimeUnit.MILLISECONDS.sleep(500);
      assertTrue(child.isAlive());
      assertTrue(Double.isNaN(Costs.jitCpuSeconds(child.pid())), "no compiler threads: unknown");
      assertTrue(Costs.processCpuSeconds(child.pid()) >= 0);
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void aProcessThatIsGoneHasNoFigures() throws Exception {
    Process child = start(List.of(), "exit");
    child.waitFor();
    assertTrue(Double.isNaN(Costs.jitCpuSeconds(child.pid())));
    assertTrue(Double.isNaN(Costs.processCpuSeconds(child.pid())));
  }

  private static Process start(List<String> jvmOptions, String mode) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), mode));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** The child JVM: spins (so that it compiles), sleeps, or exits at once. */
  public static final class Child {
    public static void main(String[] args) throws InterruptedException {
      switch (args[0]) {
        case "spin" -> {
          long x = 0;
          for (long i = 0; ; i++) {
            x += i * 31 ^ (x >>> 7);
            if (i % 100_000_000 == 0) {
              System.out.println(x);
            }
          }
        }
        case "sleep" -> Thread.sleep(60_000);
        default -> System.exit(0);
      }
    }
  }
}
