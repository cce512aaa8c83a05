package dev.cclr.tck.clienttck.drivers;

import dev.cclr.tck.drivers.DriverJar;
import dev.cclr.tck.spark.MavenJars;
import dev.cclr.tck.spark.SparkJvmOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache Spark's Scala/JVM Connect client of a given version, resolved from Maven Central, in a
 * child JVM with nothing of ours but the driver jar (Spark's shaded client clashes with the kit).
 */
public final class SparkJvmClientDriver implements ClientDriver {
  static final String MAIN = "dev.cclr.driver.sparkjvm.ClientCaseDriver";

  private final String version;
  private List<Path> classpath;

  public SparkJvmClientDriver(String version) {
    if (!version.matches("\\d+\\.\\d+\\.\\d+.*")) {
      throw new IllegalArgumentException("spark-jvm:<version> needs a Spark version such as 4.2.0, not '" + version + "'");
    }
    this.version = version;
  }

  @Override
  public String name() { return "spark-jvm:" + version; }

  @Override
  public String describe() { return "Apache Spark JVM client " + version; }

  @Override
  public synchronized void prepare() {
    if (classpath == null) {
      List<Path> cp = new ArrayList<>(MavenJars.fromMavenCentral()
          .resolveRuntimeClasspath(List.of("org.apache.spark:spark-connect-client-jvm_2.13:" + version)));
      cp.add(DriverJar.sparkJvmDriver());
      classpath = List.copyOf(cp);
    }
  }

  @Override
  public List<String> command(Path workDir) {
    prepare();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(SparkJvmOptions.forVersion(version));
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    cmd.add(MAIN);
    return cmd;
  }
}
