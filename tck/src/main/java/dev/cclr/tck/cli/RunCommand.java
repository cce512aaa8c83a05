package dev.cclr.tck.cli;

import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckLauncher;
import dev.cclr.tck.selftest.SelfTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    footer = {"", "Examples:",
        "  java -jar tck.jar run --target sc://127.0.0.1:15002 --report-dir reports",
        "  java -jar tck.jar run --target sc://127.0.0.1:15002 --baseline tck-baseline.json --report-dir reports",
        "  java -jar tck.jar run --target spark:4.2.0 --case artifact-crc-failure --report-dir reports/spark"},
    description = {
        "Runs the server conformance cases against a target and writes reports.",
        "Exit code 0: at least one case was judged and no gated case failed or errored (with --baseline or",
        "--expected-failures: no gated case regressed); 1: a gated case failed (regressed); 2: nothing could be judged."})
final class RunCommand implements Callable<Integer> {

  @Mixin
  SelectionOptions selection = new SelectionOptions();

  @Mixin
  ProvenanceOptions provenance = new ProvenanceOptions();

  @Option(names = "--target", required = true,
      description = "embedded | embedded:spill | embedded:spill-mid | spark:<version> | spark-cluster:<version> | sail | sparkrust | daft | proxy:<target> | container:<image>[:port] | launch:<command with {port}> | sc://host:port/;token=...;user_id=..."
          + " | mutant:<id> (the embedded server with one of the self-test's planted faults)")
  String target;

  @Option(names = "--vs", description = "a second target: run every case on both and report where outcomes differ")
  String versus;

  @Option(names = {"--report-dir", "--out"}, required = true,
      description = "where tck-summary.json, tck-report.html and the XML reports go (--out: the same, as the container image's examples write it)")
  Path reportDir;

  @Option(names = "--profile", defaultValue = "spark-4.2", converter = ProfileConverter.class,
      description = "spark-4.2 (default), spark-4.1 or strict")
  Profile profile;

  @Option(names = "--exclude-tag", split = ",", defaultValue = "large",
      description = "cases with these tags are skipped unless selected by --tag or --case (default: large)")
  List<String> excludedTags = new ArrayList<>();

  /** Reads a server profile by its id ({@code spark-4.2}), not by its constant name; client-only profiles are refused. */
  static final class ProfileConverter implements picocli.CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Profile.parseForServers(value);
    }
  }

  @Override
  public Integer call() {
    RunConfiguration config = new RunConfiguration(Suite.SERVER, target, Optional.ofNullable(versus), profile, selection.cases, selection.tags,
        excludedTags, selection.reportFolder(reportDir), selection.gateAllLevels(), selection.fixturesRoot(), selection.baseline(Suite.SERVER));
    // SelfTest's opener: every target a user can name, plus the self-test's planted faults
    // (mutant:<id>, code-mutant:<id>), which a user runs by hand to see what a case catches.
    return TckLauncher.execute(config, provenance.provenance(), System.out, SelfTest::openTarget).exit().code();
  }
}
