package dev.cclr.tck.cli;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.repro.ReproBundle;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "repro",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  java -jar tck.jar repro --case chunked-buffer-outside-body --target sparkrust --out repro-bundle"},
    description = {
        "Writes a self-contained reproduction of one server case, to attach to a bug report: the case's",
        "blobs as files, repro.sh running the case against any target, and a README describing each call.",
        "With --target, runs the case once against it and records what it answered.",
        "Exit code 0 when written (with --target: the run's exit code, 1 if the target failed the case)."})
final class ReproCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--case", required = true, description = "the server case id, e.g. chunked-buffer-outside-body")
  String caseId;

  @Option(names = "--out", required = true, description = "a new or empty folder for the bundle")
  Path out;

  @Option(names = "--target", description = "run the case once against this target and record its answer (same names as run --target)")
  String target;

  @Option(names = "--profile", defaultValue = "spark-4.2", converter = RunCommand.ProfileConverter.class,
      description = "spark-4.2 (default), spark-4.1 or strict")
  Profile profile;

  @Option(names = "--fixtures", description = "a fixtures folder to take the case from instead of the one in the jar")
  Path fixtures;

  @Override
  public Integer call() {
    CaseCatalog catalog = CaseCatalog.load(fixtures != null ? fixtures : CaseCatalog.defaultFixturesRoot(), "server");
    CaseDefinition c = catalog.cases().stream().filter(d -> d.id().equals(caseId)).findFirst()
        .orElseThrow(() -> new ParameterException(command.commandLine(), "no server case '" + caseId + "'"));
    Optional<Integer> exit;
    try {
      exit = ReproBundle.write(c, profile, out.toAbsolutePath(), Optional.ofNullable(target), TckCli.class.getName(),
          System.out);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    System.out.println("wrote the reproduction of " + caseId + " to " + out.toAbsolutePath()
        + " (README.md, repro.sh, blobs/, fixtures/)");
    return exit.orElse(0);
  }
}
