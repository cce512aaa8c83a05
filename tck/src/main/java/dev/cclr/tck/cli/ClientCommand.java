package dev.cclr.tck.cli;

import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    footer = {"", "Examples:",
        "  java -jar tck.jar client --driver reference --report-dir reports/client",
        "  java -jar tck.jar client --driver 'cmd:python3 my_driver.py' --expected-failures tck-xfail.txt --report-dir reports/client"},
    description = {
        "Runs the client conformance cases: a driver uses the client under test against the TCK's recording server,",
        "and each case judges what the client sent and what it returned (driver contract: spec chapter 14).",
        "Exit code 0: at least one case was judged and no gated case failed or errored (with --baseline or",
        "--expected-failures: no gated case regressed); 1: a gated case failed (regressed); 2: nothing could be judged."})
final class ClientCommand implements Callable<Integer> {

  @Mixin
  SelectionOptions selection = new SelectionOptions();

  @Mixin
  ProvenanceOptions provenance = new ProvenanceOptions();

  @Option(names = "--driver", required = true,
      description = "spark-jvm:<version> | pyspark | reference | cmd:<command line>")
  String driver;

  @Option(names = {"--report-dir", "--out"}, required = true,
      description = "where tck-summary.json, tck-report.html and the XML reports go (--out: the same, as the container image's examples write it)")
  Path reportDir;

  @Option(names = "--driver-timeout", defaultValue = "180", description = "seconds one driver run may take (default: 180)")
  long driverTimeout;

  @Option(names = "--profile", defaultValue = "spark-4.2", converter = ClientProfileConverter.class,
      description = "spark-4.2 (default: chunked uploads, as clients of Spark 4.1 and 4.2 send them) or spark-4.0"
          + " (clients of Spark 4.0, which upload one cached LocalRelation blob; chunk-specific cases do not apply)")
  Profile profile;

  /** Reads a client profile by its id; profiles that judge servers only are refused. */
  static final class ClientProfileConverter implements picocli.CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Profile.parseForClients(value);
    }
  }

  @Override
  public Integer call() {
    System.setProperty("cclr.driverTimeoutSeconds", Long.toString(driverTimeout));
    RunConfiguration config = new RunConfiguration(Suite.CLIENT, driver, Optional.empty(), profile, selection.cases, selection.tags,
        List.of(), selection.reportFolder(reportDir), selection.gateAllLevels(), selection.fixturesRoot(), selection.baseline(Suite.CLIENT));
    return TckLauncher.run(config, provenance.provenance(), System.out);
  }
}
