package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole server suite against the in-process reference server: every case must pass. */
class EmbeddedServerTckTest {

  @Test
  void everyCasePassesAgainstTheReferenceServer() throws Exception {
    checkAllPass("spark-4.2");
  }

  @Test
  void everyCasePassesInTheSpark41Profile() throws Exception {
    checkAllPass("spark-4.1");
  }

  private static void checkAllPass(String profile) throws Exception {
    TckRuns.Outcome run = TckRuns.run("embedded", Optional.empty(), profile, Path.of("target/tck-reports/embedded-" + profile));
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
  }
}
