package dev.cclr.tck.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One implementation in the interop matrix: what to judge and how it came to be installed. Its
 * results live in {@code spec/results/<id>/tck-summary.json}.
 *
 * @param id the results folder's name (e.g. {@code spark-4.2.0})
 * @param role server (judged with {@code run}) or client (judged with {@code client})
 * @param subject the {@code --target} of a server row or the {@code --driver} of a client row
 * @param profile the {@code --profile}
 * @param version the implementation's version; empty for the kit's own implementations (the
 *     reference server and client), whose version is the TCK's
 * @param installedFrom how the implementation is installed on this machine
 * @param args further options of the command, as on its command line (e.g. {@code --driver-timeout 600})
 */
public record MatrixRow(String id, MatrixRole role, String subject, String profile, Optional<String> version,
    String installedFrom, List<String> args) {

  public MatrixRow {
    args = List.copyOf(args);
  }

  /** The command line of tck.jar that judges this row and writes its reports to {@code reportDir}. */
  public List<String> commandLine(String reportDir, String tckVersion) {
    List<String> line = new ArrayList<>(List.of(role.command(), role.subjectOption(), subject, "--profile", profile,
        "--report-dir", reportDir, "--implementation-version", version.orElse(tckVersion), "--installed-from", installedFrom));
    line.addAll(args);
    return line;
  }

  /** What the conformance page shows for a summary of this row written before runs recorded their provenance. */
  public dev.cclr.tck.spec.ProvenanceFallback provenanceFallback() {
    return new dev.cclr.tck.spec.ProvenanceFallback(version, installedFrom);
  }
}
