package dev.cclr.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.CloneSessionRequest;
import dev.cclr.proto.CloneSessionResponse;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReferenceServerTest {

  @TempDir Path dir;

  /** An interceptor handing each message's method name and the thread it runs on to {@code seen}. */
  private static ServerInterceptor recorder(BiConsumer<String, String> seen) {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
          @Override
          public void onMessage(Q message) {
            seen.accept(call.getMethodDescriptor().getBareMethodName(), Thread.currentThread().getName());
            super.onMessage(message);
          }
        };
      }
    };
  }

  @Test
  void interceptorsSeeEveryCall() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (TestServer t = new TestServer(dir, b -> b.interceptor(recorder((method, thread) -> seen.add(method))))) {
      assertNotEquals(0, t.server.port(), "port 0 binds an ephemeral port");
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.get("spark.sql.session.timeZone");
      rpc.put("cache/x", new byte[] {1});
      assertEquals(List.of("Config", "AddArtifacts"), seen);
    }
  }

  /**
   * AddArtifacts runs where its pieces arrive (TransportThreadCalls): on netty's event loop,
   * named grpc-default-worker-*, not on gRPC's application executor (grpc-default-executor-*),
   * where every other method runs.
   */
  @Test
  void uploadsRunOnTheTransportThreadAndOtherCallsDoNot() throws Exception {
    Map<String, String> threads = new ConcurrentHashMap<>();
    try (TestServer t = new TestServer(dir, b -> b.interceptor(recorder(threads::put)))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.put("cache/x", new byte[] {1});
      rpc.get("spark.sql.session.timeZone");
      assertTrue(threads.get("AddArtifacts").startsWith("grpc-default-worker"), threads::toString);
      assertTrue(threads.get("Config").startsWith("grpc-default-executor"), threads::toString);
    }
  }

  @Test
  void cloneSessionCopiesConfigAndBlobs() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.put("cache/h", new byte[] {1, 2});
      rpc.set("spark.sql.session.localRelationChunkSizeRows", "7");
      String target = UUID.randomUUID().toString();
      CloneSessionResponse r = t.blocking.cloneSession(CloneSessionRequest.newBuilder().setSessionId(rpc.sessionId())
          .setUserContext(TestServer.USER).setNewSessionId(target).build());
      assertEquals(target, r.getNewSessionId());
      assertNotEquals(r.getServerSideSessionId(), r.getNewServerSideSessionId());
      Rpc copy = new Rpc(t, target);
      assertTrue(copy.exists("cache/h"));
      assertEquals("7", copy.getOne("spark.sql.session.localRelationChunkSizeRows"));
      // Releasing the source leaves the clone's blobs readable.
      t.blocking.releaseSession(dev.cclr.proto.ReleaseSessionRequest.newBuilder().setSessionId(rpc.sessionId())
          .setUserContext(TestServer.USER).build());
      assertTrue(copy.exists("cache/h"));
      Errors.thrownBy(() -> t.blocking.cloneSession(CloneSessionRequest.newBuilder().setSessionId(target)
          .setUserContext(TestServer.USER).setNewSessionId(target).build()))
          .expectClass("INVALID_CLONE_SESSION_REQUEST.TARGET_SESSION_ID_ALREADY_EXISTS", "42K04");
    }
  }

  @Test
  void abandonedReattachableOperationsAreDropped() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.operationDetachedTimeout(Duration.ofMillis(200))
        .housekeepingInterval(Duration.ofMillis(50)))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      String op = UUID.randomUUID().toString();
      rpc.collect(rpc.execute(Rpc.range(10)).setOperationId(op).addRequestOptions(Rpc.reattachable()).build());
      long deadline = System.currentTimeMillis() + 5000;
      Errors e = null;
      while (System.currentTimeMillis() < deadline) {
        Thread.sleep(500); // longer than the timeout: each reattach makes the operation live again
        try {
          Iterator<ExecutePlanResponse> it = t.blocking.reattachExecute(ReattachExecuteRequest.newBuilder()
              .setSessionId(rpc.sessionId()).setUserContext(TestServer.USER).setOperationId(op).build());
          it.forEachRemaining(x -> { });
        } catch (io.grpc.StatusRuntimeException ex) {
          e = Errors.of(ex);
          break;
        }
      }
      assertTrue(e != null, "the operation was dropped");
      e.expectClass("INVALID_HANDLE.OPERATION_ABANDONED", "HY000");
    }
  }

  @Test
  void stopDeletesSpillFiles() throws Exception {
    TestServer t = new TestServer(dir, b -> b.memoryBudget(0));
    new Rpc(t, TestServer.newSessionId()).put("cache/x", new byte[] {1, 2, 3});
    Path blobs = t.server.blobDirectory();
    try (var files = Files.list(blobs)) {
      assertEquals(1, files.count());
    }
    t.close();
    assertFalse(Files.exists(blobs));
  }

  @Test
  void aTakenPortFailsStartCleanly() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Path store = dir.resolve("second");
      ReferenceServer second = ReferenceServer.builder().port(t.server.port()).storeDir(store)
          .planner(t.planner).build();
      assertThrows(java.io.IOException.class, second::start);
      try (var left = Files.list(store)) {
        assertEquals(0, left.count(), "no blob directory left behind");
      }
      second.stop(); // harmless
    }
  }

  @Test
  void getStatusIsUnknownToA41Server() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.errorStyle(ErrorStyle.SPARK_4_1))) {
      io.grpc.StatusRuntimeException e = assertThrows(io.grpc.StatusRuntimeException.class, () ->
          t.blocking.getStatus(dev.cclr.proto.GetStatusRequest.newBuilder().setSessionId(TestServer.newSessionId())
              .setUserContext(TestServer.USER).build()));
      assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    }
  }

  @Test
  void commandLineOptionsParse() {
    Main main = new Main();
    new CommandLine(main).parseArgs("--port", "0", "--memory-budget", "256MiB", "--error-style", "spark-4.1",
        "--host", "127.0.0.1", "--store-dir", dir.toString());
    assertEquals(256L << 20, main.memoryBudget);
    assertEquals(ErrorStyle.SPARK_4_1, main.errorStyle);
    assertEquals(0, main.port);
    assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new Main()).parseArgs("--memory-budget", "lots"));
    assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new Main()).parseArgs("--error-style", "spark-3.5"));
  }
}
