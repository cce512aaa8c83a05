package dev.cclr.server.execution;

import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.server.sessions.ErrorResponder;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Streams an operation's responses to one ExecutePlan or ReattachExecute call, at the pace the
 * client reads them: a response is produced and sent only while gRPC says the call is ready
 * ({@code isReady()}), and sending resumes from the call's on-ready callback. Work runs on the
 * server's sender executor, never on gRPC's threads, and one drain runs at a time, so the call's
 * observer is never used concurrently.
 */
final class ResponseSender {

  /** What happened to a sender's call, reported to the {@link ExecutionManager}. */
  enum End { COMPLETED, FAILED, CANCELLED_BY_CLIENT, DETACHED }

  private final Operation operation;
  private final ServerCallStreamObserver<ExecutePlanResponse> call;
  private final Executor executor;
  private final ErrorResponder errors;
  private final BiConsumer<Operation, End> onEnd;
  private final AtomicInteger pendingDrains = new AtomicInteger();
  private long nextIndex;
  private volatile boolean cancelledByClient;
  private volatile Throwable detachReason;
  private boolean ended;

  ResponseSender(Operation operation, ServerCallStreamObserver<ExecutePlanResponse> call, long firstIndex,
      Executor executor, ErrorResponder errors, BiConsumer<Operation, End> onEnd) {
    this.operation = operation;
    this.call = call;
    this.nextIndex = firstIndex;
    this.executor = executor;
    this.errors = errors;
    this.onEnd = onEnd;
  }

  /** Hooks into the call; must run inside the RPC method, before it returns. */
  void start() {
    call.setOnReadyHandler(this::wake);
    call.setOnCancelHandler(() -> {
      cancelledByClient = true;
      wake();
    });
    operation.attach(this);
    wake();
  }

  /** Schedules a drain; coalesces with one already pending. */
  void wake() {
    if (pendingDrains.getAndIncrement() == 0) {
      executor.execute(this::drainLoop);
    }
  }

  /** Ends this call with the error at the next drain (another sender took over, or released). */
  void detach(Throwable reason) {
    detachReason = reason;
    wake();
  }

  private void drainLoop() {
    int missed = 1;
    do {
      try {
        drain();
      } catch (Throwable t) {
        // Never leave the call hanging, whatever went wrong while sending.
        end(End.FAILED, t);
      }
      missed = pendingDrains.addAndGet(-missed);
    } while (missed != 0);
  }

  private void drain() {
    while (!ended) {
      if (cancelledByClient) {
        ended = true;
        operation.detached(this);
        onEnd.accept(operation, End.CANCELLED_BY_CLIENT);
        return;
      }
      if (detachReason != null) {
        end(End.DETACHED, detachReason);
        return;
      }
      if (!call.isReady()) {
        return;
      }
      Operation.Cached next = operation.responseAt(nextIndex);
      if (next == null) {
        // A detach (operation released or taken over) wins over how production ended.
        if (detachReason != null) {
          end(End.DETACHED, detachReason);
        } else if (operation.error() != null) {
          end(End.FAILED, operation.error());
        } else {
          end(End.COMPLETED, null);
        }
        return;
      }
      // gRPC serializes the message inside onNext: after it, the bytes are no longer read.
      try (ResponseMemory written = next.memory()) {
        call.onNext(next.response());
      }
      operation.session().touch();
      nextIndex++;
    }
  }

  private void end(End how, Throwable failure) {
    if (ended) {
      return;
    }
    ended = true;
    operation.detached(this);
    try {
      // The server's state reflects the end before the client learns of it: a client that sends
      // its next call at once finds a non-reattachable operation already retired (its id taken,
      // its memory freed), not still live for a moment.
      onEnd.accept(operation, how);
    } finally {
      try {
        if (failure == null) {
          call.onCompleted();
        } else {
          errors.fail(call, failure, operation.session().userId(), operation.session().sessionId());
        }
      } catch (RuntimeException alreadyClosed) {
        // The client went away at the same moment; nothing left to send.
      }
    }
  }
}
