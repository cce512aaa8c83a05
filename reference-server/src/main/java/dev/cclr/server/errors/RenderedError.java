package dev.cclr.server.errors;

import java.util.List;
import java.util.Map;

/**
 * A {@link SparkError} as one particular Spark version shows it to clients: the values that go
 * into the ErrorInfo metadata, the gRPC description and, later, FetchErrorDetails.
 *
 * @param errorClass the error class, null for plain Java exceptions
 * @param sqlState the SQLSTATE, null for plain Java exceptions
 * @param messageParameters the message parameters, in Spark's order
 * @param message the full message, e.g. {@code [CLASS] text SQLSTATE: state}
 * @param reason ErrorInfo.reason, the Java class name Spark reports
 * @param classes ErrorInfo metadata "classes"
 * @param code the gRPC status code
 */
public record RenderedError(
    String errorClass,
    String sqlState,
    Map<String, String> messageParameters,
    String message,
    String reason,
    List<String> classes,
    io.grpc.Status.Code code) {}
