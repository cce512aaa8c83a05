package dev.cclr.server.schema;

import dev.cclr.server.errors.SparkError;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java exception classes Spark reports in ErrorInfo (reason and the "classes" hierarchy) for
 * the errors the relation code can raise. Spark derives them by reflection on its own classes;
 * those that are not on our classpath are written down here.
 */
public enum SparkExceptionKind {
  PARSE_EXCEPTION("org.apache.spark.sql.catalyst.parser.ParseException",
      "org.apache.spark.sql.AnalysisException", "java.lang.Exception"),
  ANALYSIS_EXCEPTION("org.apache.spark.sql.AnalysisException", "java.lang.Exception"),
  EXTENDED_ANALYSIS_EXCEPTION("org.apache.spark.sql.catalyst.ExtendedAnalysisException",
      "org.apache.spark.sql.AnalysisException", "java.lang.Exception"),
  SPARK_EXCEPTION("org.apache.spark.SparkException", "java.lang.Exception"),
  SPARK_ARITHMETIC_EXCEPTION("org.apache.spark.SparkArithmeticException",
      "java.lang.ArithmeticException", "java.lang.RuntimeException", "java.lang.Exception"),
  SPARK_UNSUPPORTED_OPERATION("org.apache.spark.SparkUnsupportedOperationException",
      "java.lang.UnsupportedOperationException", "java.lang.RuntimeException",
      "java.lang.Exception"),
  INVALID_PLAN_INPUT(SparkError.INVALID_PLAN_INPUT, "java.lang.Exception"),
  IO_EXCEPTION("java.io.IOException", "java.lang.Exception"),
  ILLEGAL_ARGUMENT("java.lang.IllegalArgumentException", "java.lang.RuntimeException",
      "java.lang.Exception"),
  NULL_POINTER("java.lang.NullPointerException", "java.lang.RuntimeException",
      "java.lang.Exception"),
  /** Spark shades protobuf, so its parse failures carry the relocated class name. */
  PROTOBUF_INVALID_WIRE_TYPE(
      "org.sparkproject.connect.protobuf.InvalidProtocolBufferException$InvalidWireTypeException",
      "org.sparkproject.connect.protobuf.InvalidProtocolBufferException", "java.io.IOException",
      "java.lang.Exception"),
  PROTOBUF_INVALID(
      "org.sparkproject.connect.protobuf.InvalidProtocolBufferException", "java.io.IOException",
      "java.lang.Exception");

  private final String reason;
  private final List<String> classes;

  SparkExceptionKind(String reason, String... superclasses) {
    this.reason = reason;
    List<String> all = new ArrayList<>();
    all.add(reason);
    all.addAll(List.of(superclasses));
    all.add("java.lang.Throwable");
    all.add("java.lang.Object");
    this.classes = List.copyOf(all);
  }

  public String reason() {
    return reason;
  }

  public List<String> classes() {
    return classes;
  }

  /** A builder for an error of this exception class (errorClass may be null for plain ones). */
  public SparkError.Builder error(String errorClass) {
    return SparkError.builder(errorClass).reason(reason).classes(classes);
  }

  /**
   * A plain (non-Spark) exception as Spark reports it: no error class, no SQLSTATE, the reason
   * and hierarchy of the exception's own class and its message as text.
   */
  public static SparkError plain(Throwable t) {
    List<String> chain = new ArrayList<>();
    String name = t.getClass().getName();
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      chain.add(shadedName(c.getName()));
    }
    String message = t.getMessage() == null ? "" : t.getMessage();
    return SparkError.builder(null).reason(shadedName(name)).classes(chain).text(message)
        .cause(t).build();
  }

  /** Spark's server shades protobuf; name our protobuf classes the way Spark reports them. */
  private static String shadedName(String className) {
    return className.startsWith("com.google.protobuf.")
        ? "org.sparkproject.connect.protobuf." + className.substring("com.google.protobuf.".length())
        : className;
  }
}
