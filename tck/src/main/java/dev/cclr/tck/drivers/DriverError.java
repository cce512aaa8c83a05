package dev.cclr.tck.drivers;

/**
 * An exception the client raised during a driver run, as the driver reported it.
 *
 * @param phase the driver step that failed (setConf, createDataFrame, collect, count, schema, ...)
 * @param className the exception's class
 * @param message its message
 * @param errorClass Spark's error class (condition), when the exception was a SparkThrowable
 * @param sqlState its SQLSTATE, likewise
 */
public record DriverError(String phase, String className, String message, String errorClass, String sqlState) {}
