package dev.cclr.tck.cases;

import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.targets.SparkTarget;
import org.junit.jupiter.api.Test;

class SparkProbeTest {
  @Test
  void probe() {
    String version = System.getProperty("probe.version", "4.2.0");
    String profile = version.startsWith("4.1") ? "spark-4.1" : "spark-4.2";
    try (SparkTarget spark = SparkTarget.start(version)) {
      CaseRunner runner = new CaseRunner(spark, profile);
      for (CaseDefinition c : CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "server").cases()) {
        CaseRunner.Run run = runner.run(c);
        System.out.println("PROBE " + run.result().verdict() + " " + c.id() + " " + run.result().message());
        if (run.result().verdict() != Verdict.PASS) {
          run.observations().forEach(o -> System.out.println("   OBS " + o.render()));
        }
      }
    }
  }
}
