package dev.cclr.tck.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return KitVersion.lines().toArray(String[]::new);
  }
}
