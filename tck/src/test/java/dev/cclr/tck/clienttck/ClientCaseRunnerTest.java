package dev.cclr.tck.clienttck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.clienttck.drivers.ClientDriver;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts a client case gets before any driver runs: not for the run's profile, or an input
 * form the driver does not have. The driver here fails the test if it is ever started.
 */
class ClientCaseRunnerTest {
  @TempDir
  Path work;

  /** A driver with only its usual input form, which must never be run by these cases. */
  private static final ClientDriver NEVER_RUN = new ClientDriver() {
    @Override
    public String name() { return "never-run"; }

    @Override
    public List<String> command(Path workDir) {
      throw new AssertionError("the driver was started");
    }

    @Override
    public void prepare() {
      throw new AssertionError("the driver was prepared");
    }
  };

  private static CaseDefinition clientCase(String id) {
    return CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "client").cases().stream().filter(c -> c.id().equals(id))
        .findFirst().orElseThrow();
  }

  @Test
  void chunkCasesDoNotApplyUnderSpark40WithTheReason() {
    ClientCaseRunner runner = new ClientCaseRunner(NEVER_RUN, CaseCatalog.defaultFixturesRoot(), work, Duration.ofSeconds(5), Profile.SPARK_4_0);
    CaseResult r = runner.run(clientCase("client-schema-blob-utf8"));
    assertEquals(Verdict.NOT_APPLICABLE, r.verdict());
    assertEquals("case applies to profiles [spark-4.2], not spark-4.0: " + ClientCaseRunner.CACHED_BLOB_REASON, r.message());
  }

  @Test
  void everyChunkSpecificCaseIsLeftOutOfSpark40AndTheOthersKeptIn() {
    List<String> notFor40 = CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "client").cases().stream()
        .filter(c -> !c.appliesTo(Profile.SPARK_4_0)).map(CaseDefinition::id).toList();
    assertTrue(notFor40.stream().allMatch(id -> id.contains("chunk") || id.contains("schema") || id.contains("batches")
        || id.contains("size-limit") || id.contains("server-error")), notFor40.toString());
    assertTrue(notFor40.contains("client-chunks-are-complete-streams"), notFor40.toString());
    assertTrue(!notFor40.contains("client-round-trip-all-types") && !notFor40.contains("client-relation-well-formed"), notFor40.toString());
  }

  @Test
  void aFormTheDriverDoesNotHaveIsNotApplicable() {
    ClientCaseRunner runner = new ClientCaseRunner(NEVER_RUN, CaseCatalog.defaultFixturesRoot(), work, Duration.ofSeconds(5));
    CaseResult r = runner.run(clientCase("client-pandas-round-trip"));
    assertEquals(Verdict.NOT_APPLICABLE, r.verdict());
    assertEquals("the case hands the client its rows as pandas, an input form the driver never-run does not have", r.message());
  }
}
