package dev.cclr.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tck run} from the command line names the self-test's planted faults as targets too. */
class RunCommandTest {
  private static final String CASE = "chunked-row-order-follows-data-hashes";

  @TempDir
  Path reports;

  @Test
  void aServerMutantIsATargetAndItsFaultFailsTheCaseThatCatchesIt() {
    assertEquals(0, TckCli.commandLine().execute("run", "--target", "embedded", "--case", CASE,
        "--report-dir", reports.resolve("embedded").toString()));
    assertEquals(1, TckCli.commandLine().execute("run", "--target", "mutant:reverse-chunks", "--case", CASE,
        "--report-dir", reports.resolve("mutant").toString()));
  }

  /** A report folder that cannot be made is a usage error (exit 2) with its reason, not a stack trace with exit 1. */
  @Test
  void aReportFolderThatCannotBeMadeIsRefusedWithExit2() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(reports.resolve("a-file"), "");
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = TckCli.commandLine();
    cli.setErr(new java.io.PrintWriter(err, true));
    assertEquals(2, cli.execute("run", "--target", "embedded", "--case", CASE, "--report-dir", file.resolve("reports").toString()));
    org.junit.jupiter.api.Assertions.assertTrue(err.toString().startsWith("cannot create the report folder " + file.resolve("reports")), err.toString());
  }
}
