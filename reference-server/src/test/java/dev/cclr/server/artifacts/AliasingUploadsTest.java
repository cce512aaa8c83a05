package dev.cclr.server.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.KnownLength;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AliasingUploadsTest {

  private static final AliasingMarshaller<AddArtifactsRequest> MARSHALLER = new AliasingMarshaller<>(
      AddArtifactsRequest.parser(), SparkConnectServiceGrpc.getAddArtifactsMethod().getRequestMarshaller());

  /** As gRPC hands a message to a marshaller: a stream that knows its length. */
  private static final class Message extends ByteArrayInputStream implements KnownLength {
    Message(byte[] bytes) {
      super(bytes);
    }
  }

  private static AddArtifactsRequest piece(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return AddArtifactsRequest.newBuilder().setSessionId("00000000-0000-0000-0000-000000000001")
        .setChunk(AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(data)).setCrc(7))
        .build();
  }

  @Test
  void parsesWhatGrpcsOwnMarshallerParses() {
    for (int size : new int[] {0, 1, 32 << 10, 1 << 20}) {
      AddArtifactsRequest original = piece(size);
      AddArtifactsRequest parsed = MARSHALLER.parse(new Message(original.toByteArray()));
      assertEquals(original, parsed);
      assertEquals(original, SparkConnectServiceGrpc.getAddArtifactsMethod().getRequestMarshaller()
          .parse(new Message(original.toByteArray())));
    }
  }

  @Test
  void aPieceIsAViewOfTheMessageNotACopy() {
    ByteString data = MARSHALLER.parse(new Message(piece(32 << 10).toByteArray())).getChunk().getData();
    // Protobuf's view of part of an array; a copied bytes field is a LiteralByteString of its own.
    assertEquals("BoundedByteString", data.getClass().getSimpleName());
  }

  @Test
  void aPieceStaysIntactWhenTheNextMessageArrives() {
    // The view must not be of a buffer reused for the next message (gRPC's marshaller reuses one).
    AddArtifactsRequest first = MARSHALLER.parse(new Message(piece(32 << 10).toByteArray()));
    ByteString data = first.getChunk().getData();
    byte[] before = data.toByteArray();
    MARSHALLER.parse(new Message(piece(40 << 10).toByteArray()));
    assertEquals(ByteString.copyFrom(before), data);
  }

  @Test
  void corruptMessagesFailAsGrpcReportsThem() {
    byte[] bytes = piece(1000).toByteArray();
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> MARSHALLER.parse(new Message(truncated)));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertEquals("Invalid protobuf byte sequence", e.getStatus().getDescription());
  }
}
