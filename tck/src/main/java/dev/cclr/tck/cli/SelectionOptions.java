package dev.cclr.tck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options `run` and `client` share: which cases, which gate, which fixtures. */
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

  Optional<Path> fixturesRoot() {
    return Optional.ofNullable(fixtures);
  }
}
