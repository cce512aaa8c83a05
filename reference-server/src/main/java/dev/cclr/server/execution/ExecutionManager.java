package dev.cclr.server.execution;

import dev.cclr.proto.GetStatusResponse.OperationStatus.OperationState;
import dev.cclr.server.sessions.Session;
import dev.cclr.server.sessions.SessionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live operations of every session, and the ids of recently ended ones. Like Spark: an
 * operation id in use cannot be reused (OPERATION_ALREADY_EXISTS), nor one that has ended
 * (OPERATION_ABANDONED); a non-reattachable operation ends with its stream; a reattachable one
 * lives until ReleaseExecute(release_all), its session closing, or being left without a client
 * for longer than the detached timeout.
 */
public final class ExecutionManager {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionManager.class);

  /** Ended operation ids remembered per session. */
  static final int RETIRED_CAPACITY = 1000;

  /** How an operation ended, remembered under its id. */
  record Retired(OperationState finalState, boolean abandoned) {}

  private final Map<SessionKey, Map<String, Operation>> live = new HashMap<>();
  private final Map<SessionKey, Map<String, Retired>> retired = new HashMap<>();

  /** Registers a new operation after checking its id is free. */
  synchronized void register(Operation op) {
    SessionKey key = op.session().key();
    String id = op.operationId();
    if (live.getOrDefault(key, Map.of()).containsKey(id)) {
      throw ExecutionErrors.operationAlreadyExists(id);
    }
    if (retired.getOrDefault(key, Map.of()).containsKey(id)) {
      throw ExecutionErrors.operationAbandoned(id);
    }
    live.computeIfAbsent(key, k -> new HashMap<>()).put(id, op);
  }

  synchronized Optional<Operation> find(Session session, String operationId) {
    return Optional.ofNullable(live.getOrDefault(session.key(), Map.of()).get(operationId));
  }

  synchronized Optional<Retired> retired(Session session, String operationId) {
    return Optional.ofNullable(retired.getOrDefault(session.key(), Map.of()).get(operationId));
  }

  synchronized List<Operation> operations(Session session) {
    return new ArrayList<>(live.getOrDefault(session.key(), Map.of()).values());
  }

  /** Removes and closes the operation, remembering its id as ended. */
  void remove(Operation op, boolean abandoned) {
    synchronized (this) {
      Map<String, Operation> ops = live.get(op.session().key());
      if (ops == null || ops.remove(op.operationId()) != op) {
        return;
      }
      if (ops.isEmpty()) {
        live.remove(op.session().key());
      }
      retiredOf(op.session().key()).put(op.operationId(), new Retired(stateOf(op), abandoned));
    }
    op.close();
  }

  /** Called when a sender's call ends. */
  void senderEnded(Operation op, ResponseSender.End how) {
    if (!op.reattachable() && how != ResponseSender.End.DETACHED) {
      // A non-reattachable operation cannot be resumed: it ends with its only stream.
      remove(op, false);
    }
  }

  /** Closes every operation of a session that closed. */
  public void sessionClosed(Session session) {
    List<Operation> ops;
    synchronized (this) {
      Map<String, Operation> m = live.remove(session.key());
      retired.remove(session.key());
      ops = m == null ? List.of() : new ArrayList<>(m.values());
    }
    ops.forEach(Operation::close);
  }

  /** Ends reattachable operations no client has been attached to for longer than the timeout. */
  public int sweepDetached(Duration timeout) {
    List<Operation> stale = new ArrayList<>();
    synchronized (this) {
      live.values().forEach(m -> m.values().stream()
          .filter(op -> op.abandonedFor(timeout.toNanos()))
          .forEach(stale::add));
    }
    for (Operation op : stale) {
      LOG.info("Operation {} abandoned after {} without a client", op.operationId(), timeout);
      remove(op, true);
    }
    return stale.size();
  }

  /** Closes everything (server shutdown). */
  public void closeAll() {
    List<Operation> all = new ArrayList<>();
    synchronized (this) {
      live.values().forEach(m -> all.addAll(m.values()));
      live.clear();
      retired.clear();
    }
    all.forEach(Operation::close);
  }

  synchronized int liveCount() {
    return live.values().stream().mapToInt(Map::size).sum();
  }

  static OperationState stateOf(Operation op) {
    return switch (op.state()) {
      case RUNNING -> OperationState.OPERATION_STATE_RUNNING;
      case SUCCEEDED -> OperationState.OPERATION_STATE_SUCCEEDED;
      case FAILED -> OperationState.OPERATION_STATE_FAILED;
      case CANCELLED -> OperationState.OPERATION_STATE_CANCELLED;
    };
  }

  private Map<String, Retired> retiredOf(SessionKey key) {
    return retired.computeIfAbsent(key, k -> new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Retired> eldest) {
        return size() > RETIRED_CAPACITY;
      }
    });
  }
}
