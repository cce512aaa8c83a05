package dev.cclr.server.sessions;

import dev.cclr.server.errors.SparkError;

/** Spark's INVALID_HANDLE errors for session handles (SparkSQLException, SQLSTATE HY000). */
public final class SessionErrors {

  private SessionErrors() {}

  public static SparkError invalidHandle(String subClass, String handle, String text) {
    return SparkError.builder("INVALID_HANDLE." + subClass)
        .sqlState("HY000")
        .reason("org.apache.spark.SparkSQLException")
        .param("handle", handle)
        .text(text)
        .build();
  }

  static SparkError format(String handle) {
    return invalidHandle("FORMAT", handle,
        "Handle must be an UUID string of the format '00112233-4455-6677-8899-aabbccddeeff'");
  }

  static SparkError sessionChanged(String handle) {
    return invalidHandle("SESSION_CHANGED", handle,
        "The existing Spark server driver instance has restarted. Please reconnect.");
  }

  static SparkError sessionClosed(String handle) {
    return invalidHandle("SESSION_CLOSED", handle, "Session was closed.");
  }

  static SparkError sessionNotFound(String handle) {
    return invalidHandle("SESSION_NOT_FOUND", handle, "Session not found.");
  }

  static SparkError cloneTarget(String subClass, String targetSessionId, String text) {
    return SparkError.builder("INVALID_CLONE_SESSION_REQUEST." + subClass)
        .sqlState("42K04")
        .reason("org.apache.spark.SparkSQLException")
        .param("targetSessionId", targetSessionId)
        .text(text)
        .build();
  }
}
