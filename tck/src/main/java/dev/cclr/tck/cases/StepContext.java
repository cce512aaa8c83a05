package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What every group of steps needs from the case being run: its blobs, its named sessions, the session echo record. */
final class StepContext {
  private static final String DEFAULT_SESSION = "main";
  private static final long RAW_CALL_TIMEOUT_SECONDS = 120;

  private final Map<String, Blob> blobs;
  private final CaseSessions sessions;
  private final SessionEcho echo = new SessionEcho();
  /** Per session name, the errorId of the latest step that failed with one (for fetchErrorDetails). */
  private final Map<String, String> lastErrorIds = new java.util.HashMap<>();
  /** Per session name, the operation id of the latest execute step (for reattachExecute). */
  private final Map<String, String> lastOperationIds = new java.util.HashMap<>();
  /** Per session name, the ids of the responses the latest execute step received, in order. */
  private final Map<String, java.util.List<String>> lastResponseIds = new java.util.HashMap<>();

  StepContext(Map<String, Blob> blobs, CaseSessions sessions) {
    this.blobs = blobs;
    this.sessions = sessions;
  }

  /**
   * The step's session: the one it names with {@code session}, else {@code main}, presenting the
   * step's {@code credentials} ({@code none}, {@code wrong}, or by default the target's own),
   * sending the step's literal {@code sessionId} if it gives one.
   */
  ConnectSession session(JsonNode step) {
    Optional<String> literalId = step.hasNonNull("sessionId") ? Optional.of(step.get("sessionId").asText()) : Optional.empty();
    return sessions.get(sessionName(step), CaseSessions.Credentials.of(step.path("credentials").asText("")), literalId);
  }

  /** A named session with the target's own credentials. */
  ConnectSession session(String name) {
    return sessions.get(name, CaseSessions.Credentials.TARGET);
  }

  void noteErrorId(JsonNode step, Observation observed) {
    observed.errorId().ifPresent(id -> lastErrorIds.put(sessionName(step), id));
  }

  /** The errorId a fetchErrorDetails step asks for; a case without an earlier such error is broken. */
  String lastErrorId(JsonNode step) {
    String id = lastErrorIds.get(sessionName(step));
    if (id == null) {
      throw new FixtureException("fetchErrorDetails: no earlier step of session '" + sessionName(step)
          + "' failed with an errorId");
    }
    return id;
  }

  void noteOperation(JsonNode step, String operationId) {
    noteOperation(step, operationId, java.util.List.of());
  }

  /**
   * The latest execute step's operation id and the ids of the responses it received, in order. A
   * step that named the same operation and received nothing (it was refused) keeps the ids the
   * operation's earlier step received: they are still that operation's responses.
   */
  void noteOperation(JsonNode step, String operationId, java.util.List<String> responseIds) {
    String previous = lastOperationIds.put(sessionName(step), operationId);
    if (!responseIds.isEmpty() || !operationId.equals(previous)) {
      lastResponseIds.put(sessionName(step), java.util.List.copyOf(responseIds));
    }
  }

  /** The response ids the session's latest execute step received (empty when none or unknown). */
  java.util.List<String> latestResponseIds(JsonNode step) {
    return lastResponseIds.getOrDefault(sessionName(step), java.util.List.of());
  }

  /** The id of the last response of the session's latest execute step (for reattachExecute's {@code "last"}). */
  String lastResponseId(JsonNode step) {
    java.util.List<String> ids = latestResponseIds(step);
    String id = ids.isEmpty() ? null : ids.get(ids.size() - 1);
    if (id == null) {
      throw new SituationNeverArose("the latest execute step in session '" + sessionName(step)
          + "' received no response with a response_id, so there is no last response to reattach from");
    }
    return id;
  }

  /** The operation id a reattachExecute step of {@code "latest"} names; a case without an earlier execute is broken. */
  String lastOperationId(JsonNode step) {
    String id = lastOperationIds.get(sessionName(step));
    if (id == null) {
      throw new FixtureException("reattachExecute: no earlier execute step in session '" + sessionName(step) + "'");
    }
    return id;
  }

  static String sessionName(JsonNode step) {
    return step.path("session").asText(DEFAULT_SESSION);
  }

  Placeholders placeholders(JsonNode step) {
    ConnectSession session = session(step);
    return new Placeholders(blobs, () -> session.serverSideSessionId().orElse("<no server-side session id seen yet>"));
  }

  Blob blob(String key) {
    Blob b = blobs.get(key);
    if (b == null) {
      throw new FixtureException("step names unknown blob '" + key + "'");
    }
    return b;
  }

  /** Records the SRV-SES-003 problems of one response of the step's session. */
  void echo(JsonNode step, ConnectSession session, String call, String sessionId, String serverSide,
      java.util.List<String> problems) {
    echo.check(sessionName(step), session, call, sessionId, serverSide, problems);
  }

  /** A raw stub for requests the protocol client does not build (fields it would never set). */
  static SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub(ConnectSession session) {
    return SparkConnectServiceGrpc.newBlockingStub(session.channel())
        .withDeadlineAfter(RAW_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Runs one call of the protocol client; a failed call becomes an error observation. */
  static Observation call(Op op, ConnectSession session, Supplier<ObjectNode> body) {
    try {
      return new Observation(op, body.get(), Optional.empty());
    } catch (RemoteErrorException e) {
      return ErrorObservations.of(op, session, e.error());
    }
  }
}
