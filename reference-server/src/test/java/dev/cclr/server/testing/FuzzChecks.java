package dev.cclr.server.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import dev.cclr.server.errors.ErrorReporter;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.errors.SparkError;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The property every fuzz target checks of a failure: a clean gRPC error with one ErrorInfo. */
public final class FuzzChecks {

  private static final ErrorReporter SPARK_4_2 = new ErrorReporter(ErrorStyle.SPARK_4_2);
  private static final ErrorReporter SPARK_4_1 = new ErrorReporter(ErrorStyle.SPARK_4_1);

  private FuzzChecks() {}

  /**
   * A SparkError the server raised: it must render, in both error styles, as a gRPC status
   * carrying exactly one ErrorInfo with a reason. Returns the 4.2-style ErrorInfo.
   */
  public static ErrorInfo assertReportable(SparkError e) {
    errorInfo(SPARK_4_1.toStatusException(e, null));
    return errorInfo(SPARK_4_2.toStatusException(e, null));
  }

  /** The single ErrorInfo of a gRPC error; fails unless there is exactly one, with a reason. */
  public static ErrorInfo errorInfo(Throwable t) {
    if (!(t instanceof StatusRuntimeException sre)) {
      throw new AssertionError("not a gRPC status error: " + t, t);
    }
    com.google.rpc.Status status = StatusProto.fromThrowable(sre);
    if (status == null || status.getDetailsCount() != 1
        || !status.getDetails(0).is(ErrorInfo.class)) {
      throw new AssertionError("gRPC error without exactly one ErrorInfo: " + sre.getStatus(), t);
    }
    if (sre.getStatus().isOk()) {
      throw new AssertionError("an error with status OK", t);
    }
    try {
      ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
      if (info.getReason().isEmpty()) {
        throw new AssertionError("ErrorInfo without a reason: " + sre.getStatus(), t);
      }
      return info;
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
