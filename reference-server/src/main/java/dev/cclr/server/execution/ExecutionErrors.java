package dev.cclr.server.execution;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.sessions.SessionErrors;

/** Spark's errors about operation handles and result cursors (texts from its error catalogue). */
final class ExecutionErrors {

  private static final String SQL_EXCEPTION = "org.apache.spark.SparkSQLException";

  private ExecutionErrors() {}

  static SparkError operationIdFormat(String operationId) {
    return SessionErrors.invalidHandle("FORMAT", operationId,
        "Handle must be an UUID string of the format '00112233-4455-6677-8899-aabbccddeeff'");
  }

  static SparkError operationAlreadyExists(String operationId) {
    return SessionErrors.invalidHandle("OPERATION_ALREADY_EXISTS", operationId, "Operation already exists.");
  }

  static SparkError operationAbandoned(String operationId) {
    return SessionErrors.invalidHandle("OPERATION_ABANDONED", operationId,
        "Operation was considered abandoned because of inactivity and removed.");
  }

  static SparkError operationNotFound(String operationId) {
    return SessionErrors.invalidHandle("OPERATION_NOT_FOUND", operationId, "Operation not found.");
  }

  static SparkError notReattachable() {
    return cursor("NOT_REATTACHABLE", "The cursor is not reattachable.").build();
  }

  static SparkError disconnected() {
    return cursor("DISCONNECTED", "The cursor has been disconnected by the server.").build();
  }

  static SparkError positionNotFound(String responseId) {
    return cursor("POSITION_NOT_FOUND", "The cursor position id " + responseId + " is not found.")
        .param("responseId", responseId)
        .build();
  }

  static SparkError positionNotAvailable(long index, String responseId) {
    return cursor("POSITION_NOT_AVAILABLE",
        "The cursor position id " + responseId + " is no longer available at index " + index + ".")
        .param("index", index)
        .param("responseId", responseId)
        .build();
  }

  static SparkError operationCanceled() {
    return SparkError.builder("OPERATION_CANCELED")
        .sqlState("HY008")
        .reason(SQL_EXCEPTION)
        .text("Operation has been canceled.")
        .build();
  }

  static SparkError unsupportedInterruptType(String type) {
    return SparkError.builder("UNSUPPORTED_FEATURE.INTERRUPT_TYPE")
        .sqlState("0A000")
        .reason(SQL_EXCEPTION)
        .param("interruptType", type)
        .text("Unsupported interrupt type: " + type + ".")
        .build();
  }

  private static SparkError.Builder cursor(String subClass, String text) {
    return SparkError.builder("INVALID_CURSOR." + subClass).sqlState("HY109").reason(SQL_EXCEPTION).text(text);
  }
}
