package dev.cclr.tck.cli;

import dev.cclr.tck.run.TckVersion;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"cclr TCK " + TckVersion.get()};
  }
}
