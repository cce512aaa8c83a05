package dev.cclr.tck.drivers;

import dev.cclr.tck.fixtures.KitFiles;
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

  /** Where the TCK jar carries the driver jar, in its drivers folder (see tck/pom.xml). */
  static final String PACKAGED = "cclr-spark-jvm-driver.jar";

  public static Path sparkJvmDriver() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      return KitFiles.packaged(KitFiles.Tree.DRIVERS).map(d -> d.resolve(PACKAGED)).filter(Files::isRegularFile)
          .orElseThrow(() -> new IllegalStateException("system property " + PROPERTY + " is not set and the TCK jar"
              + " carries no Spark JVM driver: run through Maven (./mvnw -pl tck -am test), or pass -D" + PROPERTY
              + "=<cclr-spark-jvm-driver jar>"));
    }
    Path path = Path.of(value);
    if (!Files.exists(path)) {
      throw new IllegalStateException(PROPERTY + " points at " + path + ", which does not exist");
    }
    return path;
  }
}
