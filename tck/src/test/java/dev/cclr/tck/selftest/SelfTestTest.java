package dev.cclr.tck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tck selftest} in the build: every server and client mutant is caught by a case naming a rule it breaks. */
class SelfTestTest {

  @Test
  void everyMutantIsCaughtByACaseNamingARuleItBreaks() {
    List<SelfTest.Outcome> outcomes = SelfTest.run(Path.of("target/tck-reports/selftest"), System.out);
    List<SelfTest.Outcome> missed = outcomes.stream().filter(o -> !o.caught()).toList();
    assertEquals(List.of(), missed, "mutants the TCK did not catch");
    assertTrue(outcomes.stream().filter(o -> o.kind().equals("server")).count() >= 20, "fewer than 20 server mutants");
    assertTrue(outcomes.stream().filter(o -> o.kind().equals("client")).count() >= 10, "fewer than 10 client mutants");
  }

  @Test
  void aMutantIsOnlyCaughtByACaseAboutARuleItBreaks() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var summary = json.readTree("{\"cases\":[{\"id\":\"x\",\"verdict\":\"FAIL\",\"requirements\":[\"SRV-SES-003\"]},"
        + "{\"id\":\"y\",\"verdict\":\"PASS\",\"requirements\":[\"SRV-SEM-002\"]}]}");
    SelfTest.Outcome o = SelfTest.judge("server", "m", summary, java.util.Set.of("SRV-SEM-002"));
    assertEquals(false, o.caught(), o.detail());
    assertTrue(o.detail().contains("only cases about other rules failed"), o.detail());
  }
}
