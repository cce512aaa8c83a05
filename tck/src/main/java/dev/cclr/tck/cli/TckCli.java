package dev.cclr.tck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar tck/target/tck.jar <command>}: the TCK's command line. */
@Command(
    name = "tck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Conformance kit for Spark Connect's chunked cached local relation protocol.",
    footer = {"", "Examples:",
        "  java -jar tck.jar run --target sc://127.0.0.1:15002 --report-dir reports",
        "  java -jar tck.jar version",
        "  java -jar tck.jar help run"},
    subcommands = {VersionCommand.class, RunCommand.class, ClientCommand.class, ReproCommand.class, SelfTestCommand.class, ConformancePageCommand.class, MatrixCommand.class,
        dev.cclr.tck.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class TckCli {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code, without exiting (for tests and embedding). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with every command; usage help 120 columns wide, so that an example stays on one line. */
  static CommandLine commandLine() {
    return new CommandLine(new TckCli()).setUsageHelpWidth(120);
  }
}
