package dev.cclr.server.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that reads slowly must not make the server produce (and buffer) the whole result:
 * production follows gRPC flow control, so it stays within a transport window of what the client
 * has read. The result here is 300 batches of about 80 KB; gRPC's windows hold well under 30.
 */
class SlowConsumerTest {

  private static final int BATCHES = 300;
  /** Batches that may sit in gRPC/HTTP2 buffers (1 MiB window, ~80 KB per batch) plus one in production. */
  private static final int SLACK = 30;

  @TempDir Path dir;

  /** Reads responses one by one, only when asked to. */
  private static final class SlowReader implements ClientResponseObserver<ExecutePlanRequest, ExecutePlanResponse> {
    final LinkedBlockingQueue<ExecutePlanResponse> received = new LinkedBlockingQueue<>();
    final CountDownLatch ended = new CountDownLatch(1);
    final AtomicReference<Throwable> error = new AtomicReference<>();
    ClientCallStreamObserver<ExecutePlanRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<ExecutePlanRequest> requestStream) {
      call = requestStream;
      requestStream.disableAutoRequestWithInitial(1);
    }

    @Override
    public void onNext(ExecutePlanResponse value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
      error.set(t);
      ended.countDown();
    }

    @Override
    public void onCompleted() {
      ended.countDown();
    }

    ExecutePlanResponse take() throws InterruptedException {
      ExecutePlanResponse r = received.poll(30, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no response within 30 s");
      }
      call.request(1);
      return r;
    }
  }

  @Test
  void productionFollowsTheClientAndCancellationClosesTheResult() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      SlowReader reader = new SlowReader();
      t.async.executePlan(rpc.execute(Rpc.range((long) BATCHES * 10_000)).build(), reader);

      int batchesRead = 0;
      for (int i = 0; i < 21; i++) { // the schema, then 20 batches
        if (reader.take().hasArrowBatch()) {
          batchesRead++;
        }
        Thread.sleep(10);
      }
      Thread.sleep(500); // give a server that ignores flow control time to run ahead
      long produced = t.planner.rangeBatchesProduced.get();
      assertTrue(produced <= batchesRead + SLACK,
          "produced " + produced + " batches while the client read " + batchesRead);

      reader.call.cancel("client stops reading", null);
      reader.ended.await(10, TimeUnit.SECONDS);
      long deadline = System.currentTimeMillis() + 5000;
      while (t.planner.resultsClosed.get() < 1 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, t.planner.resultsClosed.get(), "a cancelled call closes the planner's result");
      assertTrue(t.planner.rangeBatchesProduced.get() < BATCHES, "production stopped");
    }
  }

  @Test
  void aSlowReattachableClientStillGetsEverything() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      SlowReader reader = new SlowReader();
      int rows = 40 * 10_000;
      t.async.executePlan(rpc.execute(Rpc.range(rows)).addRequestOptions(Rpc.reattachable()).build(), reader);
      long seen = 0;
      long maxAhead = 0;
      int batches = 0;
      while (true) {
        ExecutePlanResponse r = reader.take();
        if (r.hasArrowBatch()) {
          assertEquals(seen, r.getArrowBatch().getStartOffset());
          seen += r.getArrowBatch().getRowCount();
          batches++;
          maxAhead = Math.max(maxAhead, t.planner.rangeBatchesProduced.get() - batches);
        }
        if (r.hasResultComplete()) {
          break;
        }
      }
      assertEquals(rows, seen);
      assertTrue(maxAhead <= SLACK, "production ran " + maxAhead + " batches ahead of the client");
      assertTrue(reader.ended.await(10, TimeUnit.SECONDS));
      assertEquals(null, reader.error.get());
    }
  }
}
