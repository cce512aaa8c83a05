package dev.cclr.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.Relation;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that goes away in the middle of a large chunked relation's result (it cancels the call,
 * or closes its channel): the server stops reading the store soon after, closes every blob stream
 * it opened, frees the operation's Arrow memory and drops the operation. Real gRPC on 127.0.0.1 and
 * the real relation planner, reading spilled blobs through a counting view of the store.
 */
class ClientGoneDuringExecuteTest {

  private static final int CHUNKS = 40;
  private static final int ROWS_PER_CHUNK = 100_000;

  @TempDir Path dir;

  @Test
  void aCancelledCallStopsTheReading() throws Exception {
    clientGoesAwayAfterThreeBatches(false);
  }

  @Test
  void aClosedChannelStopsTheReading() throws Exception {
    clientGoesAwayAfterThreeBatches(true);
  }

  private void clientGoesAwayAfterThreeBatches(boolean closeChannel) throws Exception {
    CountingBlobReads reads = new CountingBlobReads(new ReferenceRelationPlanner());
    try (TestServer t = new TestServer(dir, b -> b.memoryBudget(0).planner(reads))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      ChunkedCachedLocalRelation.Builder relation = ChunkedCachedLocalRelation.newBuilder();
      long storedBytes = 0;
      for (int i = 0; i < CHUNKS; i++) {
        byte[] chunk = Ipc.ints(ROWS_PER_CHUNK, i * ROWS_PER_CHUNK);
        storedBytes += chunk.length;
        rpc.put("cache/chunk-" + i, chunk);
        relation.addDataHashes("chunk-" + i);
      }
      String operationId = UUID.randomUUID().toString();
      ExecutePlanRequest request = rpc.execute(Relation.newBuilder().setChunkedCachedLocalRelation(relation).build())
          .setOperationId(operationId).build();

      ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", t.server.port(),
          InsecureChannelCredentials.create()).build();
      Context.CancellableContext call = Context.current().withCancellation();
      try {
        Iterator<ExecutePlanResponse> responses = call.call(
            () -> SparkConnectServiceGrpc.newBlockingStub(channel).executePlan(request));
        int batches = 0;
        while (batches < 3) {
          if (responses.next().hasArrowBatch()) {
            batches++;
          }
        }
        long atCancel = reads.bytesRead.get();
        if (closeChannel) {
          channel.shutdownNow();
        } else {
          call.cancel(null);
        }

        // The operation ends on the server: its id is then refused as that of an ended operation.
        awaitOperationEnded(rpc, operationId);
        long settled = awaitStable(reads);
        System.out.printf("client gone (%s): %d of %d stored bytes read when it went away, %d in the end;"
                + " %d blob streams opened, %d closed%n", closeChannel ? "channel closed" : "call cancelled",
            atCancel, storedBytes, settled, reads.opened.get(), reads.closed.get());
        assertTrue(settled < storedBytes / 4, "the server read " + settled + " of " + storedBytes
            + " bytes: it went on reading after the client left");
        assertEquals(reads.opened.get(), reads.closed.get(), "every blob stream the server opened is closed");
        assertEquals(0, t.server.arrowMemoryInUse(), "the operation's Arrow memory is freed");
      } finally {
        call.close();
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
      // The session is still usable.
      assertEquals(10, Rpc.rows(rpc.collect(rpc.execute(Rpc.range(10)).build())).size());
    }
  }

  private static void awaitOperationEnded(Rpc rpc, String operationId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> rpc.collect(rpc.execute(Rpc.range(1)).setOperationId(operationId).build()));
      String errorClass = Errors.of(e).errorClass();
      if ("INVALID_HANDLE.OPERATION_ABANDONED".equals(errorClass)) {
        return;
      }
      assertEquals("INVALID_HANDLE.OPERATION_ALREADY_EXISTS", errorClass);
      assertTrue(System.nanoTime() < deadline, "the operation is still live 10 s after its client left");
      Thread.sleep(20);
    }
  }

  /** Waits until no more bytes are read for half a second; returns the total. */
  private static long awaitStable(CountingBlobReads reads) throws InterruptedException {
    long last = reads.bytesRead.get();
    for (int quiet = 0; quiet < 10; ) {
      Thread.sleep(50);
      long now = reads.bytesRead.get();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
    return last;
  }
}
