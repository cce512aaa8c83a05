package dev.cclr.server.execution;

import dev.cclr.server.errors.ErrorReporter;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.errors.SparkError;

/** Spark's errors for plans it cannot take apart (CONNECT_INVALID_PLAN.*, 4.1's equivalents). */
public final class PlanErrors {

  private PlanErrors() {}

  /** A oneof left unset, e.g. a Relation whose kind this protocol does not include. */
  public static SparkError oneOfNotSet(String fullName, String caseName) {
    return SparkError.builder("CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET")
        .sqlState("56K00")
        .param("fullName", fullName).param("name", caseName)
        .text("This oneOf field in " + fullName + " is not set: " + caseName)
        .internalErrorIn41(true)
        .build();
  }

  /** A Plan without a root this server understands; Spark 4.1 throws a plain exception here. */
  static SparkError planOpTypeNotSet() {
    return SparkError.builder("CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET")
        .sqlState("56K00")
        .param("fullName", "spark.connect.Plan").param("name", "OPTYPE_NOT_SET")
        .text("This oneOf field in spark.connect.Plan is not set: OPTYPE_NOT_SET")
        .in41(SparkError.plain("java.lang.UnsupportedOperationException", "OPTYPE_NOT_SET not supported.").build())
        .build();
  }

  static SparkError invalidEnum(String fullName, String name, int number) {
    return SparkError.builder("CONNECT_INVALID_PLAN.INVALID_ENUM")
        .sqlState("56K00")
        .param("fullName", fullName).param("name", name).param("number", number)
        .text("This enum value of " + fullName + " is invalid: " + name + "(" + number + ")")
        .internalErrorIn41(true)
        .build();
  }

  /** A compressed plan that does not decompress or parse; quotes the cause as each version would. */
  static SparkError cannotParse(String causeIn42, String causeIn41) {
    return cannotParseWith(causeIn42, cannotParseWith(causeIn41, null));
  }

  static SparkError cannotParse(SparkError cause) {
    return cannotParse(ErrorReporter.message(cause, ErrorStyle.SPARK_4_2),
        ErrorReporter.message(cause, ErrorStyle.SPARK_4_1));
  }

  private static SparkError cannotParseWith(String cause, SparkError in41) {
    return SparkError.builder("CONNECT_INVALID_PLAN.CANNOT_PARSE")
        .sqlState("56K00")
        .reason("org.apache.spark.SparkSQLException")
        .param("errorMsg", cause)
        .text("Cannot decompress or parse the input plan (" + cause + ")\n"
            + "This may be caused by a corrupted compressed plan.\n"
            + "To disable plan compression, set 'spark.connect.session.planCompression.threshold' to -1.")
        .in41(in41)
        .build();
  }

  static SparkError unknownAnalyzeMethod(String method) {
    return SparkError.builder("CONNECT_INVALID_PLAN.UNKNOWN_ANALYZE_METHOD")
        .sqlState("56K00")
        .param("other", method)
        .text("Unknown Analyze Method " + method + "!")
        .internalErrorIn41(true)
        .build();
  }

  /** A valid analysis this server does not implement: UNIMPLEMENTED, the kit's own class. */
  static SparkError unsupportedAnalyzeMethod(String method, int fieldNumber) {
    return SparkError.builder("CCLR_UNSUPPORTED_ANALYZE_METHOD").sqlState("0A000")
        .reason("java.lang.UnsupportedOperationException")
        .code(io.grpc.Status.Code.UNIMPLEMENTED)
        .param("method", method).param("fieldNumber", fieldNumber)
        .text("The analysis " + method + " (spark.connect.AnalyzePlanRequest field " + fieldNumber
            + ") is not implemented by the cclr reference server.")
        .build();
  }
}
