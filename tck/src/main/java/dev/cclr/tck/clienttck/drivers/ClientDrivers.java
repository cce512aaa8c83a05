package dev.cclr.tck.clienttck.drivers;

/**
 * Reads {@code --driver}: {@code spark-jvm:<version>}, {@code pyspark[:<version>]},
 * {@code pyspark-client-rust}, {@code go}, {@code pyspark-mutant:<id>} (the self-test's PySpark
 * with a planted bug), {@code reference[:fault]} or {@code cmd:<command line>}.
 */
public final class ClientDrivers {
  private ClientDrivers() {}

  public static ClientDriver parse(String spec) {
    if (spec.startsWith("spark-jvm:")) {
      return new SparkJvmClientDriver(spec.substring("spark-jvm:".length()));
    }
    if (spec.equals("pyspark")) {
      return new PySparkDriver();
    }
    if (spec.startsWith("pyspark:") || spec.equals("pyspark-client-rust")) {
      return new PySparkDriver(PythonClient.find(spec).orElseThrow(() -> new IllegalArgumentException(
          "unknown PySpark version in driver '" + spec + "': this kit pins " + PythonClient.pysparkVersions())));
    }
    if (spec.equals("go")) {
      return new GoClientDriver();
    }
    if (spec.startsWith("pyspark-mutant:")) {
      String id = spec.substring("pyspark-mutant:".length());
      return new PySparkDriver(PySparkMutant.find(id).orElseThrow(() -> new IllegalArgumentException(
          "unknown PySpark mutant '" + id + "': one of " + PySparkMutant.ids())));
    }
    if (spec.equals("reference")) {
      return new ReferenceClientDriver(null);
    }
    if (spec.equals("reference-in-process")) {
      return new InProcessReferenceDriver(null);
    }
    if (spec.startsWith("reference-in-process:")) {
      return new InProcessReferenceDriver(spec.substring("reference-in-process:".length()));
    }
    if (spec.startsWith("reference:")) {
      return new ReferenceClientDriver(spec.substring("reference:".length()));
    }
    if (spec.startsWith("cmd:")) {
      return new CommandDriver(spec.substring("cmd:".length()));
    }
    throw new IllegalArgumentException("unknown driver '" + spec + "': one of spark-jvm:<version>, pyspark (4.2.0),"
        + " pyspark:<version> (" + PythonClient.pysparkVersions() + "), pyspark-client-rust, go,"
        + " pyspark-mutant:<id>, reference[:<fault>], reference-in-process[:<fault>], cmd:<command line>");
  }
}
