package dev.cclr.driver.sparkjvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;

/**
 * Turns an exception into the JSON a driver contract asks for: class, message and, for Spark's own
 * errors, the error class (condition), SQLSTATE and message parameters. {@link #describe} is the
 * scenario driver's form (with the cause chain), {@link #describeForClientCase} the error file of
 * the client driver contract (spec chapter 14.3).
 */
final class ErrorReport {

  private static final int MAX_MESSAGE_CHARS = 4_000;
  private static final int MAX_CAUSES = 8;

  private ErrorReport() {}

  static Map<String, Object> describe(String phase, Throwable t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("phase", phase);
    m.put("class", t.getClass().getName());
    m.put("message", truncate(t.getMessage()));
    SparkThrowable spark = firstSparkThrowable(t);
    if (spark != null) {
      m.put("errorClass", quietly(spark::getCondition));
      m.put("sqlState", quietly(spark::getSqlState));
      Map<String, String> params = quietly(spark::getMessageParameters);
      m.put("messageParameters", params == null ? Map.of() : new LinkedHashMap<>(params));
    } else {
      m.put("errorClass", null);
      m.put("sqlState", null);
    }
    List<Object> causes = new ArrayList<>();
    Throwable c = t.getCause();
    while (c != null && c != t && causes.size() < MAX_CAUSES) {
      causes.add(c.getClass().getName() + ": " + truncate(c.getMessage()));
      c = c.getCause();
    }
    m.put("causes", causes);
    return m;
  }

  /**
   * The error file of spec chapter 14.3: {@code phase, exceptionType, message, errorClass,
   * sqlState, messageParameters}, the last three only from the client's own SparkThrowable ({@code
   * null}, {@code null} and {} when there is none).
   */
  static Map<String, Object> describeForClientCase(String phase, Throwable t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("phase", phase);
    m.put("exceptionType", t.getClass().getName());
    m.put("message", truncate(t.getMessage()));
    SparkThrowable spark = firstSparkThrowable(t);
    Map<String, String> params = spark == null ? null : quietly(spark::getMessageParameters);
    m.put("errorClass", spark == null ? null : quietly(spark::getCondition));
    m.put("sqlState", spark == null ? null : quietly(spark::getSqlState));
    m.put("messageParameters", params == null ? Map.of() : new LinkedHashMap<>(params));
    return m;
  }

  // The client sometimes wraps the server's SparkThrowable; the error class lives on the inner one.
  private static SparkThrowable firstSparkThrowable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SparkThrowable s) {
        return s;
      }
    }
    return null;
  }

  private static <T> T quietly(java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String truncate(String s) {
    if (s == null || s.length() <= MAX_MESSAGE_CHARS) {
      return s;
    }
    return s.substring(0, MAX_MESSAGE_CHARS) + "...(" + s.length() + " chars)";
  }
}
