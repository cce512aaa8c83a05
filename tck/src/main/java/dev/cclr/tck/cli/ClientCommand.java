package dev.cclr.tck.cli;

import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.TckLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "client",
    description = {
        "Runs the client conformance cases: a driver uses the client under test against the TCK's recording server,",
        "and each case judges what the client sent and what it returned (driver contract: spec chapter 14).",
        "Exit code 0 only if at least one case was judged and no gated case failed or errored."})
final class ClientCommand implements Callable<Integer> {

  @Option(names = "--driver", required = true,
      description = "spark-jvm:<version> | pyspark | reference | cmd:<command line>")
  String driver;

  @Option(names = "--report-dir", required = true, description = "where tck-summary.json, tck-report.html and the XML reports go")
  Path reportDir;

  @Option(names = "--case", split = ",", description = "only these case ids (others are reported SKIPPED)")
  List<String> cases = new ArrayList<>();

  @Option(names = "--tag", split = ",", description = "only cases with one of these tags (others are reported SKIPPED)")
  List<String> tags = new ArrayList<>();

  @Option(names = "--gate", defaultValue = "must",
      description = "must (default): only MUST failures fail the run; all: SHOULD and MAY failures do too")
  String gate;

  @Option(names = "--fixtures", description = "a fixtures folder to use instead of the one in the jar")
  Path fixtures;

  @Option(names = "--driver-timeout", defaultValue = "180", description = "seconds one driver run may take (default: 180)")
  long driverTimeout;

  @Override
  public Integer call() {
    if (!gate.equals("must") && !gate.equals("all")) {
      throw new IllegalArgumentException("--gate is must or all");
    }
    System.setProperty("cclr.driverTimeoutSeconds", Long.toString(driverTimeout));
    RunConfiguration config = new RunConfiguration("client", driver, Optional.empty(), "spark-4.2", cases, tags,
        List.of(), reportDir, gate.equals("all"), Optional.ofNullable(fixtures));
    return TckLauncher.run(config, System.out);
  }
}
