package dev.cclr.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Reads Spark-style errors: the gRPC status, its description and the one ErrorInfo. */
public record Errors(Status.Code code, String description, ErrorInfo info) {

  public static Errors of(Throwable t) {
    if (!(t instanceof StatusRuntimeException sre)) {
      throw new AssertionError("expected a gRPC status error", t);
    }
    com.google.rpc.Status rpc = StatusProto.fromThrowable(sre);
    if (rpc == null) {
      throw new AssertionError("no grpc-status-details-bin in " + sre.getStatus());
    }
    assertEquals(1, rpc.getDetailsCount(), "exactly one detail");
    Any detail = rpc.getDetails(0);
    assertEquals("type.googleapis.com/google.rpc.ErrorInfo", detail.getTypeUrl());
    assertEquals(sre.getStatus().getCode().value(), rpc.getCode());
    assertEquals(sre.getStatus().getDescription(), rpc.getMessage());
    try {
      return new Errors(sre.getStatus().getCode(), rpc.getMessage(), detail.unpack(ErrorInfo.class));
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  public static Errors thrownBy(Executable call) {
    return of(assertThrows(StatusRuntimeException.class, call));
  }

  public Map<String, String> metadata() {
    return info.getMetadataMap();
  }

  public String errorClass() {
    return info.getMetadataOrDefault("errorClass", null);
  }

  public String sqlState() {
    return info.getMetadataOrDefault("sqlState", null);
  }

  public String params() {
    return info.getMetadataOrDefault("messageParameters", null);
  }

  public String errorId() {
    return info.getMetadataOrDefault("errorId", null);
  }

  public Errors expectClass(String errorClass, String sqlState) {
    if (!errorClass.equals(errorClass()) || !sqlState.equals(sqlState())) {
      fail("expected " + errorClass + "/" + sqlState + " but got " + errorClass() + "/" + sqlState()
          + ": " + description);
    }
    return this;
  }
}
