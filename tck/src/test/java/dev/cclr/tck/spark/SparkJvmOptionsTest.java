package dev.cclr.tck.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparkJvmOptionsTest {
  @Test
  void spark42DropsDirectMethodHandleFlagAndAllowsUnsafeMemoryAccess() {
    List<String> v42 = SparkJvmOptions.forVersion("4.2.0");
    assertTrue(v42.contains("--sun-misc-unsafe-memory-access=allow"));
    assertFalse(v42.contains("-Djdk.reflect.useDirectMethodHandle=false"));
  }

  @Test
  void spark41KeepsDirectMethodHandleFlag() {
    List<String> v41 = SparkJvmOptions.forVersion("4.1.2");
    assertTrue(v41.contains("-Djdk.reflect.useDirectMethodHandle=false"));
    assertFalse(v41.contains("--sun-misc-unsafe-memory-access=allow"));
  }

  @Test
  void everyVersionOpensJavaNioAndToleratesUnknownFlags() {
    for (String version : List.of("4.0.1", "4.1.2", "4.2.0", "5.0.0-preview1")) {
      List<String> options = SparkJvmOptions.forVersion(version);
      assertTrue(options.get(0).equals("-XX:+IgnoreUnrecognizedVMOptions"), version);
      assertTrue(options.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), version);
      assertTrue(options.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), version);
    }
  }

  @Test
  void versionsAreCompared() {
    assertTrue(SparkJvmOptions.atLeast("4.2.0", 4, 2));
    assertTrue(SparkJvmOptions.atLeast("4.10.0", 4, 2));
    assertTrue(SparkJvmOptions.atLeast("5.0.0", 4, 2));
    assertFalse(SparkJvmOptions.atLeast("4.1.3", 4, 2));
    assertThrows(IllegalArgumentException.class, () -> SparkJvmOptions.atLeast("four", 4, 2));
  }
}
