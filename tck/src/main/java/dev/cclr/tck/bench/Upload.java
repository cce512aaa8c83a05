package dev.cclr.tck.bench;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsRequest.ArtifactChunk;
import dev.cclr.proto.AddArtifactsRequest.BeginChunkedArtifact;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.SparkArtifactFraming;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bench's AddArtifacts call: one stream carrying the schema blob and every chunk, framed as
 * Spark's clients frame them ({@link SparkArtifactFraming}: 32 KiB pieces, a CRC32 each), made
 * one artifact at a time from the memory-mapped data and sent under gRPC flow control, so the
 * client never holds more than one chunk's messages.
 */
final class Upload {
  private Upload() {}

  /**
   * The messages for one artifact. With Spark's piece size this is {@link SparkArtifactFraming}
   * itself; another {@code pieceSize} cuts the same way with that size (what Spark would send if
   * its constant were different). An artifact of at most one piece travels in a batch message.
   */
  static List<AddArtifactsRequest> frame(ArtifactBlob artifact, int pieceSize) {
    if (pieceSize == SparkArtifactFraming.CHUNK_SIZE) {
      return SparkArtifactFraming.frame(List.of(artifact));
    }
    ByteString data = artifact.data();
    int size = data.size();
    List<AddArtifactsRequest> messages = new ArrayList<>();
    if (size <= pieceSize) {
      messages.add(AddArtifactsRequest.newBuilder()
          .setBatch(AddArtifactsRequest.Batch.newBuilder().addArtifacts(
              AddArtifactsRequest.SingleChunkArtifact.newBuilder()
                  .setName(artifact.name()).setData(SparkArtifactFraming.chunk(data))))
          .build());
      return messages;
    }
    long numChunks = (size + (long) pieceSize - 1) / pieceSize;
    messages.add(AddArtifactsRequest.newBuilder()
        .setBeginChunk(BeginChunkedArtifact.newBuilder()
            .setName(artifact.name()).setTotalBytes(size).setNumChunks(numChunks)
            .setInitialChunk(SparkArtifactFraming.chunk(data.substring(0, pieceSize))))
        .build());
    for (int offset = pieceSize; offset < size; offset += pieceSize) {
      ArtifactChunk piece = SparkArtifactFraming.chunk(data.substring(offset, Math.min(size, offset + pieceSize)));
      messages.add(AddArtifactsRequest.newBuilder().setChunk(piece).build());
    }
    return messages;
  }

  /** Uploads the schema blob and all chunks in one AddArtifacts call; fails unless every one is confirmed. */
  static void run(ConnectSession session, DataSet data, int pieceSize, Duration timeout) throws InterruptedException {
    CompletableFuture<AddArtifactsResponse> result = new CompletableFuture<>();
    Object readiness = new Object();
    ClientResponseObserver<AddArtifactsRequest, AddArtifactsResponse> observer = new ClientResponseObserver<>() {
      private AddArtifactsResponse response;

      @Override
      public void beforeStart(ClientCallStreamObserver<AddArtifactsRequest> requestStream) {
        requestStream.setOnReadyHandler(() -> wake());
      }

      @Override
      public void onNext(AddArtifactsResponse value) {
        response = value;
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
        wake();
      }

      @Override
      public void onCompleted() {
        if (response == null) {
          result.completeExceptionally(new IllegalStateException("AddArtifacts completed without a response"));
        } else {
          result.complete(response);
        }
        wake();
      }

      private void wake() {
        synchronized (readiness) {
          readiness.notifyAll();
        }
      }
    };
    @SuppressWarnings("unchecked")
    ClientCallStreamObserver<AddArtifactsRequest> requests = (ClientCallStreamObserver<AddArtifactsRequest>)
        SparkConnectServiceGrpc.newStub(session.channel())
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .addArtifacts(observer);
    Set<String> expected = new HashSet<>();
    try {
      expected.add(data.schemaName());
      send(requests, session, frame(new ArtifactBlob(data.schemaName(), data.schemaBlob()), pieceSize), readiness, result);
      for (int i = 0; i < data.chunks().size() && !result.isDone(); i++) {
        String name = data.chunks().get(i).name();
        expected.add(name);
        send(requests, session, frame(new ArtifactBlob(name, data.chunkBytes(i)), pieceSize), readiness, result);
      }
      if (!result.isDone()) {
        requests.onCompleted();
      }
    } catch (RuntimeException | InterruptedException e) {
      requests.cancel("the bench failed while sending", e);
      throw e;
    }
    AddArtifactsResponse response;
    try {
      response = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("AddArtifacts failed: " + Status.fromThrowable(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      requests.cancel("no response in time", null);
      throw new IllegalStateException("AddArtifacts: no response within " + timeout);
    }
    for (AddArtifactsResponse.ArtifactSummary summary : response.getArtifactsList()) {
      if (summary.getIsCrcSuccessful()) {
        expected.remove(summary.getName());
      }
    }
    if (!expected.isEmpty()) {
      throw new IllegalStateException("the server did not confirm " + expected.size() + " artifacts, e.g. "
          + expected.iterator().next());
    }
  }

  private static void send(ClientCallStreamObserver<AddArtifactsRequest> requests, ConnectSession session,
      List<AddArtifactsRequest> messages, Object readiness, CompletableFuture<?> result) throws InterruptedException {
    for (AddArtifactsRequest message : messages) {
      synchronized (readiness) {
        while (!requests.isReady() && !result.isDone()) {
          readiness.wait(100);
        }
      }
      if (result.isDone()) {
        return;
      }
      requests.onNext(session.stamp(message));
    }
  }
}
