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
}
