package dev.cclr.tck.refclient;

import java.util.Map;

/** An error the reference client raises itself, with Spark's error class, SQLSTATE and parameters. */
public final class ClientSideError extends RuntimeException {
  private final String errorClass;
  private final String sqlState;
  private final Map<String, String> messageParameters;

  ClientSideError(String errorClass, String sqlState, Map<String, String> messageParameters, String message) {
    super("[" + errorClass + "] " + message);
    this.errorClass = errorClass;
    this.sqlState = sqlState;
    this.messageParameters = Map.copyOf(messageParameters);
  }

  public String errorClass() { return errorClass; }

  public String sqlState() { return sqlState; }

  public Map<String, String> messageParameters() { return messageParameters; }
}
