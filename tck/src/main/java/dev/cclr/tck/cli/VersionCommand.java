package dev.cclr.tck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prints the TCK's version, the version of the spec it checks, and how many server and client cases it holds.",
    footer = {"", "Example:", "  java -jar tck.jar version"})
final class VersionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    KitVersion.lines().forEach(spec.commandLine().getOut()::println);
    return 0;
  }
}
