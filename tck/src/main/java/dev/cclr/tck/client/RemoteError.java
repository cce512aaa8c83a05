package dev.cclr.tck.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failed gRPC call as data: the status code and description, and what the server put into the
 * {@code grpc-status-details-bin} trailer (a {@code google.rpc.Status}): its message, its Spark
 * {@code ErrorInfo} decoded, and the type URLs of any other details. Conformance checks compare
 * these fields instead of parsing exception text.
 */
public record RemoteError(
    Status.Code code,
    String description,
    Optional<String> detailsMessage,
    Optional<SparkErrorInfo> errorInfo,
    List<String> otherDetailTypes) {

  private static final Metadata.Key<byte[]> STATUS_DETAILS =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

  public RemoteError {
    description = description == null ? "" : description;
    otherDetailTypes = List.copyOf(otherDetailTypes);
  }

  /** Turns a failure of a gRPC call (StatusRuntimeException or StatusException) into data. */
  public static RemoteError from(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    Metadata trailers = Status.trailersFromThrowable(failure);
    // Read the trailer itself: StatusProto.fromThrowable invents a Status when it is absent, and
    // "the server sent no details" is worth telling apart.
    byte[] detailsBytes = trailers == null ? null : trailers.get(STATUS_DETAILS);
    com.google.rpc.Status details = null;
    List<String> others = new ArrayList<>();
    if (detailsBytes != null) {
      try {
        details = com.google.rpc.Status.parseFrom(detailsBytes);
      } catch (InvalidProtocolBufferException e) {
        others.add("grpc-status-details-bin (unparsable: " + e.getMessage() + ")");
      }
    }
    Optional<SparkErrorInfo> errorInfo = Optional.empty();
    Optional<String> detailsMessage = Optional.empty();
    if (details != null) {
      detailsMessage = Optional.of(details.getMessage());
      for (Any detail : details.getDetailsList()) {
        if (errorInfo.isEmpty() && detail.is(ErrorInfo.class)) {
          try {
            errorInfo = Optional.of(SparkErrorInfo.from(detail.unpack(ErrorInfo.class)));
            continue;
          } catch (InvalidProtocolBufferException e) {
            others.add(detail.getTypeUrl() + " (unparsable: " + e.getMessage() + ")");
            continue;
          }
        }
        others.add(detail.getTypeUrl());
      }
    }
    return new RemoteError(status.getCode(), status.getDescription(), detailsMessage, errorInfo, others);
  }

  public Optional<String> errorClass() {
    return errorInfo.flatMap(SparkErrorInfo::errorClass);
  }

  public Optional<String> sqlState() {
    return errorInfo.flatMap(SparkErrorInfo::sqlState);
  }

  public Map<String, String> messageParameters() {
    return errorInfo.map(SparkErrorInfo::messageParameters).orElse(Map.of());
  }

  /** One line for assertion messages and reports. */
  public String summary() {
    StringBuilder s = new StringBuilder(code.name()).append(": ").append(description);
    errorInfo.ifPresent(
        info -> {
          s.append(" [reason=").append(info.reason());
          info.errorClass().ifPresent(c -> s.append(", errorClass=").append(c));
          info.sqlState().ifPresent(c -> s.append(", sqlState=").append(c));
          if (!info.messageParameters().isEmpty()) {
            s.append(", messageParameters=").append(info.messageParameters());
          }
          s.append(']');
        });
    return s.toString();
  }
}
