package dev.cclr.driver.sparkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverArgsTest {

  @Test
  void scenarioDefaultsApplyWhenNoOptionGiven() {
    DriverArgs a = DriverArgs.parse(List.of("inline-small", "--result", "r.json"));
    assertEquals(ScenarioName.INLINE_SMALL, a.scenario());
    assertEquals(Path.of("r.json"), a.resultFile());
    assertEquals(ScenarioName.INLINE_SMALL.defaults(), a.dataset());
    assertTrue(a.confs().isEmpty());
  }

  @Test
  void optionsOverrideDefaultsAndConfsKeepTheirOrder() {
    DriverArgs a = DriverArgs.parse(List.of("roundtrip", "--rows", "40000", "--payload-bytes", "1000",
        "--seed", "7", "--null-fraction", "0.25", "--identical-run-start", "100",
        "--identical-run-length", "5000", "--conf", "b.key=1", "--conf", "a.key=x=y",
        "--result", "/tmp/out.json"));
    assertEquals(new DatasetSpec(40000, 1000, 7L, 0.25, 100, 5000), a.dataset());
    assertEquals(List.of(Map.entry("b.key", "1"), Map.entry("a.key", "x=y")),
        List.copyOf(a.confs().entrySet()));
  }

  @Test
  void badCommandLinesAreUsageErrors() {
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of()));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("nope", "--result", "r")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip", "--result")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip", "--result", "r", "--rows", "x")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip", "--result", "r", "--bogus", "1")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip", "--result", "r", "--conf", "novalue")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("empty", "--result", "r", "--rows", "3")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip", "--result", "r",
        "--rows", "10", "--identical-run-start", "5", "--identical-run-length", "6")));
    assertThrows(UsageException.class, () -> DriverArgs.parse(List.of("roundtrip", "--result", "r",
        "--null-fraction", "1.5")));
  }

  @Test
  void driverExitsWithUsageStatusWithoutSparkRemote() {
    var err = new java.io.ByteArrayOutputStream();
    int status = SparkJvmDriver.run(List.of("empty", "--result", "r.json"), null,
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(SparkJvmDriver.EXIT_USAGE, status);
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("SPARK_REMOTE"));
  }
}
