package dev.cclr.server.execution;

import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.Plan;
import dev.cclr.server.sessions.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ExecutePlan operation: its responses, numbered from 1 and produced on demand by a
 * {@link ResponseProducer} when a sender asks for the next one (so production follows the
 * client's pace), and the responses kept for re-sending after a reattach.
 *
 * <p>What is kept follows Spark's ExecuteResponseObserver: when response i is handed to a
 * sender, earlier responses are dropped once the ones kept before i add up to the retry buffer
 * size (zero for a non-reattachable operation); ReleaseExecute drops responses explicitly. Memory
 * per operation is therefore bounded by the retry buffer plus one response and one batch in
 * production.
 */
final class Operation {

  private static final Logger LOG = LoggerFactory.getLogger(Operation.class);

  enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

  /**
   * A produced response with its index, id, size and a reference on the memory its bytes point
   * into: the operation's own while the response is kept, or the one {@link #responseAt} gives
   * its caller, who closes it once the response is written.
   */
  record Cached(long index, String responseId, ExecutePlanResponse response, long size,
      ResponseMemory memory) {}

  private final Session session;
  private final String operationId;
  /** The plan the operation runs: an ExecutePlan repeating its id with this plan attaches to it. */
  private final Plan plan;
  private final boolean reattachable;
  private final List<String> tags;
  private final ResponseProducer producer;
  private final BufferAllocator allocator;
  private final long retryBufferBytes;

  private final NavigableMap<Long, Cached> cached = new TreeMap<>();
  private final List<String> responseIds = new ArrayList<>();
  private final Map<String, Long> indexById = new HashMap<>();
  private long highestConsumed;
  private State state = State.RUNNING;
  private boolean producerDone;
  private Throwable error;
  private boolean closed;
  private ResponseSender sender;
  private long detachedSinceNanos = System.nanoTime();

  Operation(Session session, String operationId, Plan plan, boolean reattachable, List<String> tags,
      ResponseProducer producer, BufferAllocator allocator, long retryBufferBytes) {
    this.session = session;
    this.operationId = operationId;
    this.plan = plan;
    this.reattachable = reattachable;
    this.tags = List.copyOf(tags);
    this.producer = producer;
    this.allocator = allocator;
    this.retryBufferBytes = reattachable ? retryBufferBytes : 0;
  }

  Session session() { return session; }

  String operationId() { return operationId; }

  boolean reattachable() { return reattachable; }

  /** Whether {@code other} is the plan this operation runs, field for field. */
  boolean runs(Plan other) { return plan.equals(other); }

  List<String> tags() { return tags; }

  synchronized State state() { return state; }

  synchronized Throwable error() { return error; }

  /**
   * The response at an index (the first is 1), producing it if it is the next one. Null when the
   * stream ended before that index (completed, failed or cancelled: see {@link #error()}).
   *
   * @throws dev.cclr.server.errors.SparkError INVALID_CURSOR.POSITION_NOT_AVAILABLE when the
   *     response was already dropped
   */
  synchronized Cached responseAt(long index) {
    long produced = responseIds.size();
    if (index <= produced) {
      Cached c = cached.get(index);
      if (c == null) {
        throw ExecutionErrors.positionNotAvailable(index, responseIds.get((int) index - 1));
      }
      return consumed(c);
    }
    if (producerDone) {
      return null;
    }
    ResponseProducer.Produced next;
    try {
      next = producer.next();
    } catch (Throwable t) {
      finish(State.FAILED, t);
      return null;
    }
    if (next == null) {
      finish(State.SUCCEEDED, null);
      return null;
    }
    String id = UUID.randomUUID().toString();
    ExecutePlanResponse full = next.response().toBuilder()
        .setSessionId(session.sessionId())
        .setServerSideSessionId(session.serverSideSessionId())
        .setOperationId(operationId)
        .setResponseId(id)
        .build();
    long newIndex = produced + 1;
    responseIds.add(id);
    indexById.put(id, newIndex);
    Cached c = new Cached(newIndex, id, full, full.getSerializedSize(), next.memory());
    cached.put(newIndex, c);
    return consumed(c);
  }

  /** Index of a response id, for ReattachExecute and ReleaseExecute. */
  synchronized long indexOf(String responseId) {
    Long index = indexById.get(responseId);
    if (index == null) {
      throw ExecutionErrors.positionNotFound(responseId);
    }
    return index;
  }

  /** Drops responses up to and including the given one (ReleaseExecute release_until). */
  synchronized void releaseUntil(String responseId) {
    long index = indexOf(responseId);
    drop(cached.headMap(index, true));
  }

  /** Removes kept responses, releasing the operation's reference on their memory. */
  private static void drop(java.util.SortedMap<Long, Cached> responses) {
    for (Cached c : responses.values()) {
      c.memory().close();
    }
    responses.clear();
  }

  /** Number of responses currently kept, for tests and logs. */
  synchronized int cachedCount() {
    return cached.size();
  }

  synchronized long cachedBytes() {
    return cached.values().stream().mapToLong(Cached::size).sum();
  }

  /** Stops production with OPERATION_CANCELED; true when the operation was still running. */
  boolean interrupt() {
    ResponseSender s;
    synchronized (this) {
      if (producerDone) {
        return false;
      }
      finish(State.CANCELLED, ExecutionErrors.operationCanceled());
      s = sender;
    }
    if (s != null) {
      s.wake();
    }
    return true;
  }

  /** Makes the sender the one attached; a previous sender is ended with INVALID_CURSOR.DISCONNECTED. */
  void attach(ResponseSender newSender) {
    ResponseSender old;
    synchronized (this) {
      old = sender;
      sender = newSender;
    }
    if (old != null) {
      old.detach(ExecutionErrors.disconnected());
    }
  }

  /** Called by a sender that ends (stream finished, failed or cancelled by the client). */
  synchronized void detached(ResponseSender s) {
    if (sender == s) {
      sender = null;
      detachedSinceNanos = System.nanoTime();
    }
  }

  /** True when no sender is attached and none has been for longer than the timeout. */
  synchronized boolean abandonedFor(long timeoutNanos) {
    return sender == null && System.nanoTime() - detachedSinceNanos > timeoutNanos;
  }

  /**
   * Releases everything: the planner's result, kept responses, the allocator. An attached sender
   * is told first, so that its call ends with INVALID_CURSOR.DISCONNECTED as in Spark rather than
   * with the cancellation of the production.
   */
  void close() {
    ResponseSender s;
    synchronized (this) {
      if (closed) {
        return;
      }
      s = sender;
      sender = null;
    }
    if (s != null) {
      s.detach(ExecutionErrors.disconnected());
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (!producerDone) {
        finish(State.CANCELLED, ExecutionErrors.operationCanceled());
      }
      drop(cached);
      try {
        allocator.close();
      } catch (RuntimeException e) {
        // A planner that kept Arrow buffers past close(): report it, do not fail the client.
        LOG.warn("Operation {} leaked Arrow memory", operationId, e);
      }
    }
  }

  /** The caller's copy of a kept response, with its own reference on the memory (taken before anything is dropped). */
  private Cached consumed(Cached c) {
    if (c.index() > highestConsumed) {
      highestConsumed = c.index();
    }
    Cached forCaller = new Cached(c.index(), c.responseId(), c.response(), c.size(), c.memory().share());
    dropOlderThanRetryBuffer(c.index() - 1);
    return forCaller;
  }

  /** Keeps responses backwards from lastSent while they add up to less than the retry buffer. */
  private void dropOlderThanRetryBuffer(long lastSent) {
    long kept = 0;
    long i = lastSent;
    while (i >= 1 && cached.containsKey(i) && kept < retryBufferBytes) {
      kept += cached.get(i).size();
      i--;
    }
    drop(cached.headMap(i, true));
  }

  private void finish(State end, Throwable t) {
    producerDone = true;
    state = end;
    error = t;
    try {
      producer.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the result of operation {} failed", operationId, e);
    }
  }
}
