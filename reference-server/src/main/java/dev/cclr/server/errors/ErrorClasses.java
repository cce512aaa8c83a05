package dev.cclr.server.errors;

import java.util.List;
import java.util.Map;

/**
 * The class hierarchies Spark lists in ErrorInfo metadata "classes" for the exception types the
 * protocol can raise. Spark computes them by reflection on its own classes; we only need the few
 * it actually reports, so they are written down.
 */
final class ErrorClasses {
  private static final List<String> THROWABLE_TAIL = List.of("java.lang.Throwable", "java.lang.Object");

  private static final Map<String, List<String>> KNOWN = Map.of(
      SparkError.INVALID_PLAN_INPUT,
      List.of(SparkError.INVALID_PLAN_INPUT, "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "org.apache.spark.SparkException",
      List.of("org.apache.spark.SparkException", "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "java.io.IOException",
      List.of("java.io.IOException", "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
      "java.lang.IllegalArgumentException",
      List.of("java.lang.IllegalArgumentException", "java.lang.RuntimeException", "java.lang.Exception",
          "java.lang.Throwable", "java.lang.Object"),
      "java.lang.UnsupportedOperationException",
      List.of("java.lang.UnsupportedOperationException", "java.lang.RuntimeException", "java.lang.Exception",
          "java.lang.Throwable", "java.lang.Object"));

  private ErrorClasses() {}

  static List<String> hierarchyOf(String className) {
    List<String> known = KNOWN.get(className);
    if (known != null) {
      return known;
    }
    return List.of(className, "java.lang.Exception", THROWABLE_TAIL.get(0), THROWABLE_TAIL.get(1));
  }
}
