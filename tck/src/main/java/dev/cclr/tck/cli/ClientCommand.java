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

  @Option(names = "--driver", required = true,
      description = "spark-jvm:<version> | pyspark | reference | cmd:<command line>")
  String driver;

  @Option(names = "--report-dir", required = true, description = "where tck-summary.json, tck-report.html and the XML reports go")
  Path reportDir;

  @Option(names = "--driver-timeout", defaultValue = "180", description = "seconds one driver run may take (default: 180)")
  long driverTimeout;

  @Override
  public Integer call() {
    System.setProperty("cclr.driverTimeoutSeconds", Long.toString(driverTimeout));
    RunConfiguration config = new RunConfiguration(Suite.CLIENT, driver, Optional.empty(), Profile.SPARK_4_2, selection.cases, selection.tags,
        List.of(), reportDir, selection.gateAllLevels(), selection.fixturesRoot(), selection.baseline(Suite.CLIENT));
    return TckLauncher.run(config, System.out);
  }
}
