package dev.cclr.tck.run;

import dev.cclr.tck.cases.Profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs the TCK the way the command line does, for tests, and keeps what it printed and wrote. */
final class TckRuns {
  record Outcome(int exitCode, String console, JsonNode summary, Path reportDir) {}

  private TckRuns() {}

  static Outcome run(String target, Optional<String> versus, String profile, Path reportDir) throws IOException {
    RunConfiguration config = new RunConfiguration(Suite.SERVER, target, versus, Profile.parse(profile), List.of(), List.of(),
        List.of("large"), reportDir, false, Optional.empty());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit = TckLauncher.run(config, new TeePrintStream(console, System.out));
    JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("tck-summary.json").toFile());
    return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8), summary, reportDir);
  }

  /** Only the given server cases (profile spark-4.2), as {@code tck run --case A,B} runs them. */
  static Outcome cases(String target, List<String> caseIds, Path reportDir) throws IOException {
    RunConfiguration config = new RunConfiguration(Suite.SERVER, target, Optional.empty(), Profile.SPARK_4_2, caseIds, List.of(),
        List.of("large"), reportDir, false, Optional.empty());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit = TckLauncher.run(config, new TeePrintStream(console, System.out));
    JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("tck-summary.json").toFile());
    return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8), summary, reportDir);
  }

  /** The client suite with one driver, as {@code tck client --driver D} runs it. */
  static Outcome client(String driver, Path reportDir) throws IOException {
    RunConfiguration config = new RunConfiguration(Suite.CLIENT, driver, Optional.empty(), Profile.SPARK_4_2, List.of(), List.of(),
        List.of(), reportDir, false, Optional.empty());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit = TckLauncher.run(config, new TeePrintStream(console, System.out));
    JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("tck-summary.json").toFile());
    return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8), summary, reportDir);
  }

  /** Only the cases {@code cases} of the client suite, under {@code profile}, with one driver. */
  static Outcome client(String driver, Profile profile, List<String> cases, Path reportDir) throws IOException {
    RunConfiguration config = new RunConfiguration(Suite.CLIENT, driver, Optional.empty(), profile, cases, List.of(),
        List.of(), reportDir, false, Optional.empty());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit = TckLauncher.run(config, new TeePrintStream(console, System.out));
    JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("tck-summary.json").toFile());
    return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8), summary, reportDir);
  }

  /** Prints to the test log as well, so a CI log shows the per-case lines. */
  static final class TeePrintStream extends PrintStream {
    private final PrintStream second;

    TeePrintStream(PrintStream first, PrintStream second) {
      super(first, true, StandardCharsets.UTF_8);
      this.second = second;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      super.write(buf, off, len);
      second.write(buf, off, len);
    }
  }
}
