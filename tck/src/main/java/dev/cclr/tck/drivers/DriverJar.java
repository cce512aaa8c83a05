package dev.cclr.tck.drivers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Spark JVM driver (module {@code tck/spark-jvm-driver}) to put on the child JVM's
 * classpath. The build sets {@value #PROPERTY} for the tests: a jar after {@code package}, the
 * module's classes directory in a reactor run that stops at {@code test}; either works.
 */
public final class DriverJar {

  public static final String PROPERTY = "cclr.sparkJvmDriver.path";

  private DriverJar() {}

  /** Where the TCK jar carries the driver jar (see tck/pom.xml). */
  static final String PACKAGED = "/drivers/cclr-spark-jvm-driver.jar";

  public static Path sparkJvmDriver() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      java.util.Optional<Path> packaged = packaged();
      if (packaged.isPresent()) {
        return packaged.get();
      }
      throw new IllegalStateException("system property " + PROPERTY + " is not set: run through Maven"
          + " (./mvnw -pl tck -am test), or pass -D" + PROPERTY + "=<cclr-spark-jvm-driver jar>");
    }
    Path path = Path.of(value);
    if (!Files.exists(path)) {
      throw new IllegalStateException(PROPERTY + " points at " + path + ", which does not exist");
    }
    return path;
  }

  /** The driver jar inside the TCK jar, copied to a temporary file (deleted at exit). */
  private static synchronized java.util.Optional<Path> packaged() {
    try (java.io.InputStream in = DriverJar.class.getResourceAsStream(PACKAGED)) {
      if (in == null) {
        return java.util.Optional.empty();
      }
      Path copy = Files.createTempFile("cclr-spark-jvm-driver-", ".jar");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return java.util.Optional.of(copy);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot copy the packaged Spark JVM driver", e);
    }
  }
}
