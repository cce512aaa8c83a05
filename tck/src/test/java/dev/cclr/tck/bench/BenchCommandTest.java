package dev.cclr.tck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.cli.TckCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench end to end against the reference server in a child JVM, small enough for every build. */
class BenchCommandTest {

  @Test
  void embeddedSmallRelationIsVerifiedAndEndsWithTheKeyValueLine(@TempDir Path dir) {
    StringWriter text = new StringWriter();
    CommandLine cli = new CommandLine(new TckCli());
    cli.setOut(new PrintWriter(text, true));
    int exit = cli.execute("bench", "--target", "embedded", "--size", "64MiB", "--rounds", "1",
        "--work-dir", dir.toString(), "--server-heap", "512m", "--warmup", "16MiB", "--warmup-rounds", "1");
    String output = text.toString();
    assertEquals(0, exit, output);
    assertTrue(output.contains("embedded") && output.contains("verified"), output);
    String line = output.lines().filter(l -> l.startsWith("T_MBps=")).findFirst()
        .orElseThrow(() -> new AssertionError("no key=value line:\n" + output));
    Map<String, String> pairs = KeyValueLine.parse(line);
    assertEquals("true", pairs.get("verified"), line);
    assertEquals("embedded", pairs.get("T"));
    assertTrue(Double.parseDouble(pairs.get("T_MBps")) > 0, line);
    assertTrue(Long.parseLong(pairs.get("T_peak_rss_MiB")) > 0, line);
    assertTrue(Double.parseDouble(pairs.get("noop_MBps")) > 0, line);
    assertTrue(pairs.containsKey("T_fraction_of_noop"), line);
    // The server's CPU comes from /proc: the reference server cannot move 64 MiB for free, nor for a minute.
    double cpu = Double.parseDouble(pairs.get("T_server_cpu_s_per_GB"));
    assertTrue(cpu > 0.05 && cpu < 60, line);
    assertTrue(Double.parseDouble(pairs.get("noop_server_cpu_s_per_GB")) > 0, line);
    assertTrue(Double.parseDouble(pairs.get("T_client_cpu_s_per_GB")) > 0, line);
    assertTrue(Double.parseDouble(pairs.get("T_client_alloc_bytes_per_byte")) > 0, line);
    // The raw gRPC ceiling ran in the same run and moved every byte both ways.
    assertTrue(Double.parseDouble(pairs.get("raw_MBps")) > 0, line);
    assertTrue(Double.parseDouble(pairs.get("T_fraction_of_raw")) > 0, line);
    assertEquals(Long.toString(4L * BenchData.rowsPerChunk(16 << 20)), pairs.get("rows"));
    // The JIT's share of the server's CPU is read, not assumed, and each server's warm-up says how it ended.
    double jit = Double.parseDouble(pairs.get("T_server_jit_fraction"));
    assertTrue(jit >= 0 && jit < 1, line);
    assertTrue(output.contains("bench: warm-up of embedded: ") && output.contains("JIT share of server CPU per round"),
        output);
  }

  /** The embedded server's JVM options reach its command line: one the JVM does not know stops it. */
  @Test
  void serverJvmOptionsReachTheEmbeddedServer(@TempDir Path dir) {
    StringWriter text = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TckCli());
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("bench", "--target", "embedded", "--size", "16MiB", "--rounds", "1", "--no-ceiling",
        "--work-dir", dir.toString(), "--warmup", "0", "--server-jvm-options", "-XX:+UseSerialGC -XX:+CclrNoSuchOption");
    String output = text + "\n" + err;
    assertTrue(exit != 0, output);
    assertTrue(output.contains("CclrNoSuchOption") || output.contains("dev.cclr.server.Main"), output);
  }

  /**
   * embedded:<class path> starts the reference server of another build the way embedded starts
   * this one, and the two are measured in the same run (here the same build twice).
   */
  @Test
  void anotherBuildIsMeasuredNextToThisOneInTheSameRun(@TempDir Path dir) {
    String other = BenchTarget.OTHER_BUILD + System.getProperty("java.class.path");
    StringWriter text = new StringWriter();
    CommandLine cli = new CommandLine(new TckCli());
    cli.setOut(new PrintWriter(text, true));
    int exit = cli.execute("bench", "--target", "embedded", "--vs", other, "--size", "16MiB", "--rounds", "1",
        "--no-ceiling", "--work-dir", dir.toString(), "--warmup", "0");
    String output = text.toString();
    assertEquals(0, exit, output);
    String line = output.lines().filter(l -> l.startsWith("throughput_ratio=")).findFirst()
        .orElseThrow(() -> new AssertionError("no key=value line:\n" + output));
    Map<String, String> pairs = KeyValueLine.parse(line);
    assertEquals("true", pairs.get("verified"), line);
    assertEquals(other, pairs.get("T2"), line);
    assertTrue(Double.parseDouble(pairs.get("T2_MBps")) > 0, line);
    // Started by the bench, so its memory and CPU are read from /proc like embedded's.
    assertTrue(Long.parseLong(pairs.get("T2_peak_rss_MiB")) > 0, line);
    assertTrue(Double.parseDouble(pairs.get("T2_server_cpu_s_per_GB")) > 0, line);
    assertTrue(output.contains("reference server from " + System.getProperty("java.class.path")), output);
  }

  /** A class path that is not there is refused before anything starts, naming the missing entry. */
  @Test
  void anotherBuildThatIsNotThereIsRefused(@TempDir Path dir) {
    for (String[] bad : new String[][] {
        {BenchTarget.OTHER_BUILD + dir.resolve("before.jar"), "no such file or directory: " + dir.resolve("before.jar")},
        {BenchTarget.OTHER_BUILD, "names no class path"}}) {
      StringWriter text = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new TckCli());
      cli.setOut(new PrintWriter(text, true));
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute("bench", "--target", "embedded", "--vs", bad[0], "--size", "16MiB", "--no-ceiling",
          "--work-dir", dir.toString());
      String output = text + "\n" + err;
      assertTrue(exit != 0, output);
      assertTrue(output.contains(bad[1]), output);
      assertTrue(!output.contains("bench: machine"), "refused before the run began:\n" + output);
    }
  }

  /** The other build's class path is the one the server starts from: one without the server cannot start it. */
  @Test
  void anotherBuildStartsFromItsOwnClassPath(@TempDir Path dir) throws Exception {
    Path empty = java.nio.file.Files.createDirectory(dir.resolve("no-server-here"));
    StringWriter text = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TckCli());
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("bench", "--target", BenchTarget.OTHER_BUILD + empty, "--size", "16MiB", "--rounds", "1",
        "--no-ceiling", "--work-dir", dir.toString(), "--warmup", "0");
    String output = text + "\n" + err;
    assertTrue(exit != 0, output);
    assertTrue(output.contains("dev.cclr.server.Main did not start"), output);
  }
}
