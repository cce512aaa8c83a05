package dev.cclr.server.config;

import dev.cclr.server.errors.SparkError;

/** The errors Spark's Config RPC raises, with Spark's classes, SQLSTATEs and parameter order. */
final class ConfigErrors {

  private static final String ILLEGAL_ARGUMENT = "org.apache.spark.SparkIllegalArgumentException";

  private ConfigErrors() {}

  static SparkError typeMismatch(String key, String value, String typeName) {
    return SparkError.builder("INVALID_CONF_VALUE.TYPE_MISMATCH")
        .sqlState("22022")
        .reason(ILLEGAL_ARGUMENT)
        .param("confName", key).param("confValue", value).param("confType", typeName)
        .text("It should be a/an '" + typeName + "' value.")
        .build();
  }

  static SparkError requirement(String key, String value, String requirement) {
    return SparkError.builder("INVALID_CONF_VALUE.REQUIREMENT")
        .sqlState("22022")
        .reason(ILLEGAL_ARGUMENT)
        .param("confName", key).param("confValue", value).param("confRequirement", requirement)
        .text(requirement)
        .build();
  }

  /** SRV-SEC-005: a local relation limit set above the operator's maximum. */
  static SparkError aboveOperatorMaximum(String key, String value, long maximum) {
    return requirement(key, value,
        "The value must not exceed " + maximum + " bytes, the maximum set by the server operator");
  }

  static SparkError outOfRangeOfOptions(String key, String shownValue, String options) {
    return SparkError.builder("INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS")
        .sqlState("22022")
        .reason(ILLEGAL_ARGUMENT)
        .param("confName", key).param("confValue", shownValue).param("confOptions", options)
        .text("It should be one of '" + options + "'.")
        .build();
  }

  static SparkError timeZone(String key, String value) {
    // Spark builds this one's parameters value-first.
    return SparkError.builder("INVALID_CONF_VALUE.TIME_ZONE")
        .sqlState("22022")
        .reason(ILLEGAL_ARGUMENT)
        .param("confValue", value).param("confName", key)
        .text("Cannot resolve the given timezone.")
        .build();
  }

  static SparkError notFound(String key) {
    return SparkError.builder("SQL_CONF_NOT_FOUND")
        .sqlState("42K0I")
        .reason("org.apache.spark.SparkNoSuchElementException")
        .param("sqlConf", "\"" + key + "\"")
        .text("The SQL config \"" + key + "\" cannot be found. Please verify that the config exists.")
        .build();
  }

  static SparkError cannotModifyStatic(String key) {
    return SparkError.builder("CANNOT_MODIFY_STATIC_CONFIG")
        .sqlState("46110")
        .reason("org.apache.spark.sql.AnalysisException")
        .param("key", "\"" + key + "\"")
        .text("Cannot modify the value of the static Spark config: \"" + key + "\".")
        .build();
  }

  /** A Set pair without a value: Spark's require() in its RuntimeConfig. */
  static SparkError nullValue(String key) {
    return SparkError.plain("java.lang.IllegalArgumentException",
        "requirement failed: value cannot be null for key: " + key).build();
  }

  /** A ConfigRequest whose operation is not set (Spark prints the empty Operation message). */
  static SparkError unsupportedOperation(String operationText) {
    return SparkError.plain("java.lang.UnsupportedOperationException", operationText + " not supported.").build();
  }
}
