package dev.cclr.server.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the server reports to a client the way Apache Spark does: gRPC status INTERNAL with a
 * google.rpc.Status that carries one ErrorInfo (see {@link ErrorReporter}).
 *
 * <p>An instance describes the condition once, in Spark 4.2.0 terms (error class, SQLSTATE,
 * message parameters, the text after the class prefix). Whether it is rendered in 4.2.0 style or in
 * the 4.1.x style, where every invalid-plan error collapses into {@code INTERNAL_ERROR}, is decided
 * when it is reported, by {@link ErrorStyle}; code that raises errors does not care.
 */
public final class SparkError extends RuntimeException {

  /** What Spark's ErrorInfo.reason says for invalid plans (its InvalidPlanInput class). */
  public static final String INVALID_PLAN_INPUT = "org.apache.spark.sql.connect.common.InvalidPlanInput";

  private final String errorClass;
  private final String sqlState;
  private final Map<String, String> messageParameters;
  private final String text;
  private final String reason;
  private final List<String> classes;
  private final boolean internalErrorIn41;
  private final io.grpc.Status.Code code;
  private final SparkError in41;

  private SparkError(Builder b) {
    super(b.text, b.cause, false, false);
    this.errorClass = b.errorClass;
    this.sqlState = b.sqlState;
    this.messageParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.messageParameters));
    this.text = b.text;
    this.reason = b.reason;
    this.classes = List.copyOf(b.classes);
    this.internalErrorIn41 = b.internalErrorIn41;
    this.code = b.code;
    this.in41 = b.in41;
  }

  /** The 4.2.0 error class, e.g. {@code CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED}; null for plain exceptions. */
  public String errorClass() { return errorClass; }

  /** SQLSTATE, or null when Spark sends none (plain Java exceptions). */
  public String sqlState() { return sqlState; }

  public Map<String, String> messageParameters() { return messageParameters; }

  /** The human text without the "[CLASS] " prefix and without the parent class's sentence. */
  public String text() { return text; }

  /** ErrorInfo.reason: the Java class name Spark reports. */
  public String reason() { return reason; }

  /** ErrorInfo metadata "classes": the class hierarchy Spark reports, most specific first. */
  public List<String> classes() { return classes; }

  /** True when Spark 4.1.x reports this condition as INTERNAL_ERROR / XX000 with {"message": text}. */
  public boolean internalErrorIn41() { return internalErrorIn41; }

  /** The gRPC status code; INTERNAL for everything Spark converts, other codes for transport-level refusals. */
  public io.grpc.Status.Code code() { return code; }

  /**
   * How Spark 4.1.x reports the same condition when it differs by more than the INTERNAL_ERROR
   * collapse (e.g. a plain Java exception instead of an error class); null when it does not.
   */
  public SparkError in41() { return in41; }

  public static Builder builder(String errorClass) { return new Builder(errorClass); }

  /** A plain Java exception as Spark reports it: no error class, no SQLSTATE, reason = the class name. */
  public static Builder plain(String javaClassName, String message) {
    return new Builder(null).reason(javaClassName).text(message);
  }

  public static final class Builder {
    private final String errorClass;
    private String sqlState;
    private final Map<String, String> messageParameters = new LinkedHashMap<>();
    private String text = "";
    private String reason = INVALID_PLAN_INPUT;
    private List<String> classes;
    private boolean internalErrorIn41;
    private io.grpc.Status.Code code = io.grpc.Status.Code.INTERNAL;
    private Throwable cause;
    private SparkError in41;

    private Builder(String errorClass) { this.errorClass = errorClass; }

    public Builder sqlState(String s) { this.sqlState = s; return this; }
    public Builder param(String k, Object v) { messageParameters.put(k, String.valueOf(v)); return this; }
    public Builder text(String t) { this.text = t; return this; }
    public Builder reason(String r) { this.reason = r; return this; }
    public Builder classes(List<String> c) { this.classes = c; return this; }
    public Builder internalErrorIn41(boolean b) { this.internalErrorIn41 = b; return this; }
    public Builder code(io.grpc.Status.Code c) { this.code = c; return this; }
    public Builder cause(Throwable t) { this.cause = t; return this; }
    public Builder in41(SparkError e) { this.in41 = e; return this; }

    public SparkError build() {
      if (classes == null) {
        classes = ErrorClasses.hierarchyOf(reason);
      }
      return new SparkError(this);
    }
  }
}
