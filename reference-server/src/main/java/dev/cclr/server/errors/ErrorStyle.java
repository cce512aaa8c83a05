package dev.cclr.server.errors;

/** How invalid-plan errors are rendered: as Spark 4.2.0 does (specific classes) or as 4.1.x does. */
public enum ErrorStyle {
  /** {@code CONNECT_INVALID_PLAN.*} classes, SQLSTATE 56K00, structured message parameters. */
  SPARK_4_2,
  /** {@code INTERNAL_ERROR}, SQLSTATE XX000, the text in {@code messageParameters.message}. */
  SPARK_4_1
}
