package dev.cclr.tck.cli;

import dev.cclr.tck.selftest.SelfTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    footer = {"", "Example:", "  java -jar tck.jar selftest --report-dir reports/selftest"},
    description = {
        "Runs the server TCK against deliberately broken reference servers and the client TCK with deliberately",
        "broken reference clients and with bugs planted in PySpark's upload code.",
        "Exit code 0 only if every mutant fails a case naming a requirement it breaks."})
final class SelfTestCommand implements Callable<Integer> {

  @Option(names = "--report-dir", defaultValue = "reports/selftest", description = "where each mutant's reports go (default: reports/selftest)")
  Path reportDir;

  @Option(names = "--pyspark", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "also plant bugs in the real PySpark client and run the cases of the rules each breaks (default: yes;"
          + " --no-pyspark leaves them out, e.g. where no Python is installed)")
  boolean pyspark;

  @Override
  public Integer call() {
    List<SelfTest.Outcome> outcomes = SelfTest.run(reportDir, System.out, pyspark);
    return outcomes.stream().allMatch(SelfTest.Outcome::caught) ? 0 : 1;
  }
}
