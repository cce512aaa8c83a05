package dev.cclr.tck.clienttck.drivers;

/**
 * Reads {@code --driver}: {@code spark-jvm:<version>}, {@code pyspark}, {@code pyspark-mutant:<id>}
 * (the self-test's PySpark with a planted bug), {@code reference[:fault]} or {@code cmd:<command line>}.
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
    throw new IllegalArgumentException("unknown driver '" + spec
        + "': one of spark-jvm:<version>, pyspark, pyspark-mutant:<id>, reference, cmd:<command line>");
  }
}
