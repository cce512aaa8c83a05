package dev.cclr.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that goes away in the middle of a chunked upload, a thousand times: no partial blob
 * becomes visible, no spill file stays on disk, no Arrow memory stays allocated, and the server
 * keeps serving (the next complete upload works).
 */
class UploadDisconnectTest {

  private static final int PIECE = 32 * 1024;

  @TempDir Path dir;

  @Test
  void aThousandAbandonedUploadsLeaveNothingBehind() throws Exception {
    // A memory budget of zero sends every blob to a spill file, so leftovers would show on disk.
    try (TestServer t = new TestServer(dir, b -> b.memoryBudget(0))) {
      String session = TestServer.newSessionId();
      Rpc rpc = new Rpc(t, session);
      Random random = new Random(7);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        byte[] piece = new byte[PIECE];
        random.nextBytes(piece);
        String name = "cache/abandoned-" + i;
        names.add(name);
        abandon(t, List.of(rpc.begin(name, 3L * PIECE, 3, Rpc.chunk(piece)), rpc.next(Rpc.chunk(piece))), i % 2 == 0);
      }
      // Cancellations reach the server asynchronously; give it a moment to clean up. (Only some of the
      // uploads get their first piece stored before the cancel arrives; those are the ones that matter.)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (spillFiles(dir) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, spillFiles(dir), "spill files left behind by abandoned uploads");
      assertEquals(0, t.server.arrowMemoryInUse(), "Arrow memory left allocated");
      for (int from = 0; from < names.size(); from += 100) {
        var answer = rpc.status(names.subList(from, from + 100).toArray(String[]::new));
        answer.getStatusesMap().forEach((n, s) -> assertEquals(false, s.getExists(), n + " is visible after an abandoned upload"));
      }
      // The server still takes a complete upload in the same session.
      byte[] whole = new byte[3 * PIECE];
      random.nextBytes(whole);
      AddArtifactsResponse ok = rpc.upload(
          rpc.begin("cache/complete", whole.length, 3, Rpc.chunk(java.util.Arrays.copyOfRange(whole, 0, PIECE))),
          rpc.next(Rpc.chunk(java.util.Arrays.copyOfRange(whole, PIECE, 2 * PIECE))),
          rpc.next(Rpc.chunk(java.util.Arrays.copyOfRange(whole, 2 * PIECE, 3 * PIECE))));
      assertTrue(ok.getArtifacts(0).getIsCrcSuccessful());
      assertTrue(rpc.status("cache/complete").getStatusesMap().get("cache/complete").getExists());
    }
  }

  /** Sends the messages, then goes away: by cancelling the call, or by reporting an error on the stream. */
  private static void abandon(TestServer t, List<AddArtifactsRequest> messages, boolean cancel) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    ClientCallStreamObserver<AddArtifactsRequest>[] holder = new ClientCallStreamObserver[1];
    var in = t.async.addArtifacts(new ClientResponseObserver<AddArtifactsRequest, AddArtifactsResponse>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<AddArtifactsRequest> requestStream) {
        holder[0] = requestStream;
      }

      @Override
      public void onNext(AddArtifactsResponse value) {}

      @Override
      public void onError(Throwable t) {
        done.countDown();
      }

      @Override
      public void onCompleted() {
        done.countDown();
      }
    });
    messages.forEach(in::onNext);
    if (cancel) {
      holder[0].cancel("client went away", null);
    } else {
      in.onError(new RuntimeException("client went away"));
    }
    assertTrue(done.await(10, TimeUnit.SECONDS), "the abandoned call did not end");
  }

  private static long spillFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
