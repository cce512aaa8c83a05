package dev.cclr.server;

import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runs the named methods' handlers on the gRPC transport thread that read each message, instead
 * of handing every message to gRPC's application executor; every other method keeps that
 * executor. For uploads: an AddArtifacts call is a stream of 32 KiB pieces, and the hand-off
 * wakes an executor thread per piece (a context switch each way) and frees netty's buffers on a
 * thread other than the one that took them from its pool. Run where they arrive, a piece is
 * parsed, CRC'd and written (or copied into memory) on the thread whose pool holds its buffers.
 *
 * <p>The cost: such a handler must not wait for anything that needs a transport thread, and
 * while it runs, the other connections served by the same thread wait. AddArtifacts' handler
 * takes only short locks; its one blocking step is a spill file's {@code write} to the page cache,
 * which the kernel can slow under write-back pressure.
 */
public final class TransportThreadCalls implements ServerCallExecutorSupplier {

  private final Set<String> fullMethodNames;

  private TransportThreadCalls(Set<String> fullMethodNames) {
    this.fullMethodNames = Set.copyOf(fullMethodNames);
  }

  /** Runs the methods with these full names (service/method) on the transport thread. */
  public static TransportThreadCalls of(String... fullMethodNames) {
    return new TransportThreadCalls(Set.of(fullMethodNames));
  }

  /** Direct for the named methods; null (gRPC's application executor) for every other. */
  @Override
  public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata headers) {
    return fullMethodNames.contains(call.getMethodDescriptor().getFullMethodName())
        ? MoreExecutors.directExecutor() : null;
  }
}
