package dev.cclr.tck.clienttck.drivers;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A third-party driver given as a command line ({@code cmd:<command line>}), split on spaces. */
public final class CommandDriver implements ClientDriver {
  private final String commandLine;

  public CommandDriver(String commandLine) {
    if (commandLine.isBlank()) {
      throw new IllegalArgumentException("cmd: needs a command line, e.g. cmd:./my-driver --verbose");
    }
    this.commandLine = commandLine.trim();
  }

  @Override
  public String name() { return "cmd:" + commandLine; }

  @Override
  public List<String> command(Path workDir) {
    return Arrays.stream(commandLine.split("\\s+")).toList();
  }
}
