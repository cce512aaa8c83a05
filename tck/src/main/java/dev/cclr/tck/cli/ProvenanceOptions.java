package dev.cclr.tck.cli;

import dev.cclr.tck.report.Provenance;
import picocli.CommandLine.Option;

/** The options `run` and `client` share to record where the implementation came from (written into tck-summary.json). */
final class ProvenanceOptions {

  @Option(names = "--implementation-version", paramLabel = "VERSION",
      description = "the version of the implementation under test, recorded in tck-summary.json (implementationVersion)")
  String implementationVersion;

  @Option(names = "--installed-from", paramLabel = "TEXT",
      description = "how it was installed, e.g. 'Maven Central jars', recorded in tck-summary.json (installedFrom)")
  String installedFrom;

  Provenance provenance() {
    return Provenance.of(implementationVersion, installedFrom);
  }
}
