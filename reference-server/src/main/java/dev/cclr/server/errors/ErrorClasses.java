package dev.cclr.server.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The class hierarchies Spark lists in ErrorInfo metadata "classes" (superclass chain, most
 * specific first, ending in java.lang.Object). Spark computes them by reflection on its own
 * classes, which are not on our classpath, so the Spark ones we report are written down; JDK
 * exception classes are walked by reflection like Spark does.
 */
final class ErrorClasses {

  private static final Map<String, List<String>> SPARK_CLASSES = Map.of(
      SparkError.INVALID_PLAN_INPUT,
      List.of(SparkError.INVALID_PLAN_INPUT, "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.SparkException",
      List.of("org.apache.spark.SparkException", "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.SparkSQLException",
      List.of("org.apache.spark.SparkSQLException", "java.sql.SQLException", "java.lang.Exception",
          "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.SparkNoSuchElementException",
      List.of("org.apache.spark.SparkNoSuchElementException", "java.util.NoSuchElementException",
          "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.SparkIllegalArgumentException",
      List.of("org.apache.spark.SparkIllegalArgumentException", "java.lang.IllegalArgumentException",
          "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.SparkRuntimeException",
      List.of("org.apache.spark.SparkRuntimeException", "java.lang.RuntimeException", "java.lang.Exception",
          "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.sql.AnalysisException",
      List.of("org.apache.spark.sql.AnalysisException", "java.lang.Exception", "java.lang.Throwable",
          "java.lang.Object"),
      "org.apache.spark.sql.catalyst.parser.ParseException",
      List.of("org.apache.spark.sql.catalyst.parser.ParseException", "org.apache.spark.sql.AnalysisException",
          "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"));

  private ErrorClasses() {}

  static List<String> hierarchyOf(String className) {
    List<String> known = SPARK_CLASSES.get(className);
    if (known != null) {
      return known;
    }
    try {
      return hierarchyOf(Class.forName(className, false, ErrorClasses.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      // A Spark class we did not write down: Spark's own exceptions all extend Exception.
      return List.of(className, "java.lang.Exception", "java.lang.Throwable", "java.lang.Object");
    }
  }

  /** The superclass chain of a class we do have, as Spark's reflection would list it. */
  static List<String> hierarchyOf(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      names.add(c.getName());
    }
    return List.copyOf(names);
  }
}
