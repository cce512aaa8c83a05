package dev.cclr.tck.cli;

import dev.cclr.tck.report.Baseline;
import dev.cclr.tck.run.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options `run` and `client` share: which cases, which gate (and its baseline), which fixtures. */
final class SelectionOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--case", split = ",", description = "only these case ids (others are reported SKIPPED)")
  List<String> cases = new ArrayList<>();

  @Option(names = "--tag", split = ",", description = "only cases with one of these tags (others are reported SKIPPED)")
  List<String> tags = new ArrayList<>();

  @Option(names = "--gate", defaultValue = "must",
      description = "must (default): only MUST failures fail the run; all: SHOULD and MAY failures do too")
  String gate;

  @Option(names = "--fixtures", description = "a fixtures folder to use instead of the one in the jar")
  Path fixtures;

  /** True for --gate all; throws for anything but must or all. */
  boolean gateAllLevels() {
    if (!gate.equals("must") && !gate.equals("all")) {
      throw new ParameterException(command.commandLine(), "--gate is must or all, not '" + gate + "'");
    }
    return gate.equals("all");
  }

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "a previous tck-summary.json: only regressions (a gated case that passed there and now fails) fail the run")
  Path baseline;

  @Option(names = "--expected-failures", paramLabel = "FILE",
      description = "a text file, one case id a line with its reason ('#' comment lines): these may fail without failing the run")
  Path expectedFailures;

  /** The failures the gate tolerates, read from --baseline and --expected-failures; a bad file is a usage error. */
  Baseline baseline(Suite suite) {
    try {
      Baseline b = Baseline.NONE;
      if (baseline != null) {
        b = b.and(Baseline.fromSummary(baseline, suite.id()));
      }
      if (expectedFailures != null) {
        b = b.and(Baseline.fromExpectedFailuresFile(expectedFailures));
      }
      return b;
    } catch (Baseline.BaselineException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
  }

  /**
   * The report folder, created if missing. One that cannot be written (a mounted folder of another
   * user, a path through a file) is a usage error, exit 2 with its reason, like a bad baseline: the
   * run would otherwise end in a stack trace with exit 1, which a CI gate reads as non-conformant.
   */
  Path reportFolder(Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new ParameterException(command.commandLine(), "cannot create the report folder " + dir + ": " + e);
    }
    if (!java.nio.file.Files.isWritable(dir)) {
      throw new ParameterException(command.commandLine(), "cannot write into the report folder " + dir);
    }
    return dir;
  }

  Optional<Path> fixturesRoot() {
    return Optional.ofNullable(fixtures);
  }
}
