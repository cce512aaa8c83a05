package dev.cclr.server.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns errors into what a Spark Connect client receives from Apache Spark: gRPC status INTERNAL
 * (or the error's own code) whose {@code grpc-status-details-bin} trailer holds a
 * {@code google.rpc.Status} with one {@code google.rpc.ErrorInfo}.
 *
 * <p>ErrorInfo carries reason (a Java class name), domain {@code org.apache.spark} and the
 * metadata keys Spark uses: {@code classes} (JSON array), {@code sqlState}, {@code errorClass},
 * {@code messageParameters} (compact JSON object) and, when the error belongs to a live session,
 * {@code errorId}, under which the details are kept for FetchErrorDetails.
 */
public final class ErrorReporter {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Spark abbreviates the status message to this many characters. */
  static final int MAX_MESSAGE_LENGTH = 2048;
  /** Spark leaves out errorClass/messageParameters when the parameters' JSON is longer than this. */
  static final int MAX_METADATA_SIZE = 1024;
  static final String DOMAIN = "org.apache.spark";

  private final ErrorStyle style;

  public ErrorReporter(ErrorStyle style) {
    this.style = style;
  }

  public ErrorStyle style() {
    return style;
  }

  /** The error as the configured Spark version shows it. */
  public RenderedError render(SparkError e) {
    return render(e, style);
  }

  /** The error as the given Spark version shows it. */
  public static RenderedError render(SparkError e, ErrorStyle style) {
    if (style == ErrorStyle.SPARK_4_1 && e.in41() != null) {
      return render(e.in41(), ErrorStyle.SPARK_4_2);
    }
    if (style == ErrorStyle.SPARK_4_1 && e.internalErrorIn41()) {
      Map<String, String> params = Map.of("message", e.text());
      return new RenderedError("INTERNAL_ERROR", "XX000", params,
          formatted("INTERNAL_ERROR", e.text(), "XX000"), e.reason(), e.classes(), e.code());
    }
    String message;
    if (e.errorClass() == null) {
      message = e.text();
    } else {
      String parent = ParentMessages.parentOf(e.errorClass(), e.messageParameters());
      String text = parent.isEmpty() ? e.text() : parent + " " + e.text();
      message = formatted(e.errorClass(), text, e.sqlState());
      if (e.getCause() instanceof MessageLayout layout) {
        message = layout.around(message);
      }
    }
    return new RenderedError(e.errorClass(), e.sqlState(), e.messageParameters(), message, e.reason(),
        e.classes(), e.code());
  }

  /** The full message of an error in the given style, e.g. to quote it inside another error. */
  public static String message(SparkError e, ErrorStyle style) {
    return render(e, style).message();
  }

  private static String formatted(String errorClass, String text, String sqlState) {
    String state = sqlState == null || sqlState.isEmpty() ? "" : " SQLSTATE: " + sqlState;
    return "[" + errorClass + "] " + text + state;
  }

  /**
   * The gRPC error for any throwable. A {@link SparkError} is rendered as Spark renders it; a gRPC
   * status passes through; anything else is an unexpected failure of ours, logged here and shown
   * as the plain Java exception it is (as Spark shows its own unexpected exceptions), never as a
   * bare transport failure.
   *
   * @param details where to keep the error under a fresh errorId, or null when the request has no
   *     live session (Spark adds an errorId only then)
   */
  public StatusRuntimeException toStatusException(Throwable t, ErrorDetailsStore details) {
    if (t instanceof StatusRuntimeException sre) {
      return sre;
    }
    if (t instanceof StatusException se) {
      return new StatusRuntimeException(se.getStatus(), se.getTrailers());
    }
    RenderedError rendered = render(toSparkError(t));
    String errorId = null;
    if (details != null) {
      errorId = UUID.randomUUID().toString();
      details.put(errorId, rendered);
    }
    return StatusProto.toStatusRuntimeException(toRpcStatus(rendered, errorId));
  }

  /** Any throwable as a SparkError; unexpected ones are logged with their stack trace. */
  public static SparkError toSparkError(Throwable t) {
    if (t instanceof SparkError se) {
      return se;
    }
    LOG.warn("Unexpected server error, reported to the client as {}", t.getClass().getName(), t);
    String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    return SparkError.plain(t.getClass().getName(), message)
        .classes(ErrorClasses.hierarchyOf(t.getClass()))
        .cause(t)
        .build();
  }

  static com.google.rpc.Status toRpcStatus(RenderedError e, String errorId) {
    ErrorInfo.Builder info = ErrorInfo.newBuilder()
        .setReason(e.reason())
        .setDomain(DOMAIN)
        .putMetadata("classes", json(e.classes()));
    if (e.sqlState() != null && !e.sqlState().isEmpty()) {
      info.putMetadata("sqlState", e.sqlState());
    }
    if (e.errorClass() != null && !e.errorClass().isEmpty()) {
      String params = json(new LinkedHashMap<>(e.messageParameters()));
      if (params.length() <= MAX_METADATA_SIZE) {
        info.putMetadata("errorClass", e.errorClass());
        info.putMetadata("messageParameters", params);
      }
    }
    if (errorId != null) {
      info.putMetadata("errorId", errorId);
    }
    Status.Code code = e.code() == null ? Status.Code.INTERNAL : e.code();
    return com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(abbreviate(e.message()))
        .addDetails(Any.pack(info.build()))
        .build();
  }

  /** Like Spark's Utils.abbreviate: cut to the limit, the last three characters replaced by "...". */
  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= MAX_MESSAGE_LENGTH ? s : s.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
