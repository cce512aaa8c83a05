package dev.cclr.tck.run;

import dev.cclr.tck.cases.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole server suite against the in-process reference server: every case must pass, with blobs
 * in memory ({@code embedded}) and with every blob spilled to a file ({@code embedded:spill}).
 */
class EmbeddedServerTckTest {

  @Test
  void everyCasePassesAgainstTheReferenceServer() throws Exception {
    checkAllPass("spark-4.2");
  }

  @Test
  void everyCasePassesInTheSpark41Profile() throws Exception {
    checkAllPass("spark-4.1");
  }

  /**
   * No other case uploads more than the server's 256 MiB memory budget (the large ones aside), so
   * without this run the spill files (writing, reading back, freeing while a reader holds them)
   * would be reached by no case. Same verdicts as {@code embedded}: the committed reference-server
   * results, which {@link #everyCasePassesAgainstTheReferenceServer} holds {@code embedded} to.
   */
  @Test
  void everyCasePassesWithEveryBlobSpilled() throws Exception {
    checkAllPass("embedded:spill", "spark-4.2");
  }

  /**
   * With a 48 KiB budget, a chunked artifact's first piece is held in memory and moved to a file
   * when the second arrives: the move (the pieces held so far copied to the new file) is reached
   * by neither run above. Same verdicts as {@code embedded}.
   */
  @Test
  void everyCasePassesWithBlobsSpilledMidUpload() throws Exception {
    checkAllPass("embedded:spill-mid", "spark-4.2");
  }

  /** The large cases (a relation over 2 GiB, generated at run time) run once in every build. */
  @Test
  void largeCasesPassAgainstTheReferenceServer() throws Exception {
    RunConfiguration config = new RunConfiguration(Suite.SERVER, "embedded", Optional.empty(), Profile.SPARK_4_2, java.util.List.of(),
        java.util.List.of("large"), java.util.List.of(), Path.of("target/tck-reports/embedded-large"), false, Optional.empty());
    int exit = TckLauncher.run(config, System.out);
    assertEquals(0, exit, "the large cases must pass");
    JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        Path.of("target/tck-reports/embedded-large/tck-summary.json").toFile());
    int passed = 0;
    for (JsonNode c : summary.path("cases")) {
      if (c.path("tags").toString().contains("\"large\"")) {
        assertEquals("PASS", c.path("verdict").asText(), c.path("id").asText() + ": " + c.path("message").asText());
        passed++;
      }
    }
    assertTrue(passed >= 1, "no large case ran");
  }

  private static void checkAllPass(String profile) throws Exception {
    checkAllPass("embedded", profile);
  }

  private static void checkAllPass(String target, String profile) throws Exception {
    TckRuns.Outcome run = TckRuns.run(target, Optional.empty(), profile,
        Path.of("target/tck-reports/" + target.replace(':', '-') + "-" + profile));
    assertEquals(0, run.exitCode(), run.console());
    int judged = 0;
    StringBuilder notPassed = new StringBuilder();
    for (JsonNode c : run.summary().path("cases")) {
      String verdict = c.path("verdict").asText();
      if (verdict.equals("PASS")) {
        judged++;
      } else if (!verdict.equals("SKIPPED") && !verdict.equals("NOT_APPLICABLE")) {
        notPassed.append(c.path("id").asText()).append(": ").append(c.path("message").asText()).append('\n');
      }
    }
    assertEquals("", notPassed.toString(), "every judged case passes against the reference server");
    assertTrue(judged >= 20, "judged only " + judged + " cases");
    if (profile.equals("spark-4.2")) {
      CommittedResults.assertSameVerdicts(run.summary(), "reference-server", java.util.Set.of());
    }
  }
}
