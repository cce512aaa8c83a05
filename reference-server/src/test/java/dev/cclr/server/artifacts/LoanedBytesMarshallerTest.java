package dev.cclr.server.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upload marshaller over real gRPC (netty on loopback): pieces arrive as views of netty's
 * direct buffers, read correctly while the handler runs, and every loan ends when the handler
 * returns, also when it throws or the message is corrupt.
 */
class LoanedBytesMarshallerTest {

  private static final MethodDescriptor<AddArtifactsRequest, AddArtifactsResponse> METHOD =
      SparkConnectServiceGrpc.getAddArtifactsMethod();

  private final LoanedBytesMarshaller<AddArtifactsRequest> marshaller =
      new LoanedBytesMarshaller<>(AddArtifactsRequest.parser(), METHOD.getRequestMarshaller());
  /** What the handler saw of each piece while it ran. */
  private final List<Seen> seen = new ArrayList<>();
  private Server server;
  private ManagedChannel channel;

  private record Seen(boolean loaned, long crc, int size) {}

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** A server whose AddArtifacts handler records each piece; a piece of size 13 makes it throw. */
  private void start() throws Exception {
    ServerMethodDefinition<AddArtifactsRequest, AddArtifactsResponse> recording = ServerMethodDefinition.create(METHOD,
        ServerCalls.asyncClientStreamingCall((StreamObserver<AddArtifactsResponse> response) -> new StreamObserver<AddArtifactsRequest>() {
          @Override
          public void onNext(AddArtifactsRequest r) {
            ByteString data = r.getChunk().getData();
            CRC32 crc = new CRC32();
            crc.update(data.asReadOnlyByteBuffer());
            synchronized (seen) {
              seen.add(new Seen(LoanedBytesMarshaller.isLoaned(data), crc.getValue(), data.size()));
            }
            if (data.size() == 13) {
              throw new IllegalStateException("a handler that fails");
            }
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {
            response.onNext(AddArtifactsResponse.getDefaultInstance());
            response.onCompleted();
          }
        }));
    ServerServiceDefinition service = ServerServiceDefinition.builder(SparkConnectServiceGrpc.SERVICE_NAME)
        .addMethod(AliasingUploads.aliased(recording, marshaller)).build();
    server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
        .addService(service).build().start();
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create()).build();
  }

  private static AddArtifactsRequest piece(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return AddArtifactsRequest.newBuilder().setSessionId("00000000-0000-0000-0000-000000000001")
        .setChunk(AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(data))).build();
  }

  private static long crcOf(AddArtifactsRequest r) {
    CRC32 crc = new CRC32();
    crc.update(r.getChunk().getData().toByteArray());
    return crc.getValue();
  }

  private void upload(List<AddArtifactsRequest> requests) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    StreamObserver<AddArtifactsRequest> out = ClientCalls.asyncClientStreamingCall(
        channel.newCall(METHOD, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)), new StreamObserver<>() {
          @Override
          public void onNext(AddArtifactsResponse r) {}

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            done.complete(null);
          }
        });
    requests.forEach(out::onNext);
    out.onCompleted();
    done.join();
  }

  @Test
  void piecesAreViewsOfTheTransportsBuffersAndEveryLoanEnds() throws Exception {
    start();
    // An empty message (0 bytes on the wire) too: nothing is lent for it.
    List<AddArtifactsRequest> sent = new ArrayList<>(List.of(AddArtifactsRequest.getDefaultInstance()));
    for (int size : new int[] {1, 1000, 32 << 10, 32 << 10, 1 << 20, 3 << 20}) {
      sent.add(piece(size));
    }
    upload(sent);
    assertEquals(sent.size(), seen.size());
    for (int i = 0; i < sent.size(); i++) {
      assertEquals(crcOf(sent.get(i)), seen.get(i).crc(), "piece " + i + " read while the handler ran");
    }
    // The 32 KiB pieces the protocol's clients send fit one netty buffer: no copy out of it.
    assertTrue(seen.get(3).loaned(), "a 32 KiB piece should be a view of netty's direct buffer");
    assertEquals(0, marshaller.outstandingLoans());
  }

  @Test
  void aHandlerThatThrowsStillEndsTheLoan() throws Exception {
    start();
    CompletableFuture<Void> failed = CompletableFuture.runAsync(() -> upload(List.of(piece(32 << 10), piece(13))));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> {
      try {
        failed.join();
      } catch (java.util.concurrent.CompletionException c) {
        throw c.getCause();
      }
    });
    assertEquals(Status.Code.UNKNOWN, e.getStatus().getCode());
    assertEquals(2, seen.size());
    assertEquals(0, marshaller.outstandingLoans());
  }

  @Test
  void aCorruptMessageFailsTheCallAndLendsNothing() throws Exception {
    start();
    byte[] whole = piece(32 << 10).toByteArray();
    byte[] truncated = Arrays.copyOf(whole, whole.length - 10);
    // A client marshaller that sends the bytes as they are, so that the server gets a broken message.
    MethodDescriptor<byte[], AddArtifactsResponse> raw = METHOD.toBuilder(new MethodDescriptor.Marshaller<byte[]>() {
      @Override
      public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
      }

      @Override
      public byte[] parse(InputStream stream) {
        throw new UnsupportedOperationException();
      }
    }, METHOD.getResponseMarshaller()).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), truncated));
    // gRPC's server answers any exception from a request marshaller so, whichever marshaller it is.
    assertEquals(Status.Code.UNKNOWN, e.getStatus().getCode());
    assertTrue(seen.isEmpty());
    assertEquals(0, marshaller.outstandingLoans());
  }

  @Test
  void bytesAMessageOwnsAreNotOnLoan() {
    assertFalse(LoanedBytesMarshaller.isLoaned(ByteString.copyFrom(new byte[] {1, 2, 3})));
    assertTrue(LoanedBytesMarshaller.isLoaned(
        com.google.protobuf.UnsafeByteOperations.unsafeWrap(java.nio.ByteBuffer.allocateDirect(3))));
  }
}
