package dev.cclr.tck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteErrorTest {
  @Test
  void sparkErrorInfoIsDecoded() {
    ErrorInfo info =
        ErrorInfo.newBuilder()
            .setReason("org.apache.spark.sql.connect.common.InvalidPlanInput")
            .setDomain("org.apache.spark")
            .putMetadata("classes",
                "[\"org.apache.spark.sql.connect.common.InvalidPlanInput\",\"java.lang.Exception\"]")
            .putMetadata("errorClass", "CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION")
            .putMetadata("sqlState", "56K00")
            .putMetadata("messageParameters", "{\"hash\":\"abc\",\"sessionUUID\":\"u-1\"}")
            .putMetadata("errorId", "e-1")
            .build();
    StatusRuntimeException e =
        StatusProto.toStatusRuntimeException(
            com.google.rpc.Status.newBuilder()
                .setCode(Code.INTERNAL_VALUE)
                .setMessage("[CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION] ...")
                .addDetails(Any.pack(info))
                .addDetails(Any.pack(DebugInfo.getDefaultInstance()))
                .build());

    RemoteError error = RemoteError.from(e);

    assertEquals(Status.Code.INTERNAL, error.code());
    assertEquals("[CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION] ...", error.description());
    SparkErrorInfo decoded = error.errorInfo().orElseThrow();
    assertEquals("org.apache.spark.sql.connect.common.InvalidPlanInput", decoded.reason());
    assertEquals("org.apache.spark", decoded.domain());
    assertEquals(
        List.of("org.apache.spark.sql.connect.common.InvalidPlanInput", "java.lang.Exception"),
        decoded.classes());
    assertEquals(Optional.of("CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION"), error.errorClass());
    assertEquals(Optional.of("56K00"), error.sqlState());
    assertEquals(Map.of("hash", "abc", "sessionUUID", "u-1"), error.messageParameters());
    assertEquals(Optional.of("e-1"), decoded.errorId());
    assertEquals(List.of("type.googleapis.com/google.rpc.DebugInfo"), error.otherDetailTypes());
    assertEquals(List.of(), decoded.metadataProblems());
    assertTrue(error.summary().contains("errorClass=CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION"));
  }

  @Test
  void aPlainStatusHasNoDetails() {
    RemoteError error =
        RemoteError.from(Status.UNKNOWN.withDescription("Application error processing RPC").asRuntimeException());
    assertEquals(Status.Code.UNKNOWN, error.code());
    assertEquals("Application error processing RPC", error.description());
    assertEquals(Optional.empty(), error.errorInfo());
    assertEquals(Optional.empty(), error.detailsMessage());
    assertEquals(Map.of(), error.messageParameters());
  }

  @Test
  void malformedMetadataIsReportedNotThrown() {
    ErrorInfo info =
        ErrorInfo.newBuilder().putMetadata("messageParameters", "{not json").putMetadata("classes", "42").build();
    RemoteError error =
        RemoteError.from(
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder().setCode(Code.INTERNAL_VALUE).addDetails(Any.pack(info)).build()));
    SparkErrorInfo decoded = error.errorInfo().orElseThrow();
    assertEquals(2, decoded.metadataProblems().size(), decoded.metadataProblems().toString());
    assertEquals(Map.of(), decoded.messageParameters());
    assertEquals(List.of(), decoded.classes());
  }
}
