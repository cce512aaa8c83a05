package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
  private final Map<String, String> lastErrorIds = new HashMap<>();
  /** Per session name, the operation id of the latest execute step (for reattachExecute). */
  private final Map<String, String> lastOperationIds = new HashMap<>();
  /** Per session name, the responses the latest execute step received, in order. */
  private final Map<String, List<NotedResponse>> lastResponses = new HashMap<>();

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
    noteOperation(step, operationId, List.of());
  }

  /**
   * One response the latest execute step received: its id, whether it carried an arrow_batch, and
   * how many rows the step had received when it arrived (a chunked batch's rows count on its last piece).
   */
  record NotedResponse(String responseId, boolean arrowBatch, long rowsThrough) {}

  /**
   * The latest execute step's operation id and the responses it received, in order. A step that
   * named the same operation and received nothing (it was refused) keeps the responses the
   * operation's earlier step received: they are still that operation's.
   */
  void noteOperation(JsonNode step, String operationId, List<NotedResponse> responses) {
    String previous = lastOperationIds.put(sessionName(step), operationId);
    if (!responses.isEmpty() || !operationId.equals(previous)) {
      lastResponses.put(sessionName(step), List.copyOf(responses));
    }
  }

  /** The responses the session's latest execute step received (empty when none or unknown). */
  List<NotedResponse> latestResponses(JsonNode step) {
    return lastResponses.getOrDefault(sessionName(step), List.of());
  }

  /** Their ids, in order. */
  List<String> latestResponseIds(JsonNode step) {
    return latestResponses(step).stream().map(NotedResponse::responseId).toList();
  }

  /** How many rows the latest execute had received through the response with this id (0 for an id it did not receive). */
  long rowsThrough(JsonNode step, String responseId) {
    return latestResponses(step).stream().filter(r -> r.responseId().equals(responseId))
        .mapToLong(NotedResponse::rowsThrough).findFirst().orElse(0);
  }

  /**
   * The response id a step's selector names among the latest execute's responses: {@code "last"},
   * {@code "unknown"} (a fresh UUID the operation never sent), or {@code {"arrowBatch": N}} (the
   * response carrying its N-th arrow_batch, from 1). A server that sent no such response leaves the
   * case NOT_OBSERVED.
   */
  String responseId(JsonNode step, String member) {
    JsonNode selector = step.path(member);
    List<NotedResponse> responses = latestResponses(step);
    if (selector.isTextual() && selector.asText().equals("unknown")) {
      return UUID.randomUUID().toString();
    }
    if (selector.isTextual() && selector.asText().equals("last")) {
      if (responses.isEmpty()) {
        throw new SituationNeverArose("the latest execute step in session '" + sessionName(step)
            + "' received no response with a response_id, so there is no last response to name");
      }
      return responses.get(responses.size() - 1).responseId();
    }
    if (selector.isObject() && selector.path("arrowBatch").canConvertToInt() && selector.get("arrowBatch").asInt() >= 1) {
      int n = selector.get("arrowBatch").asInt();
      List<NotedResponse> batches = responses.stream().filter(NotedResponse::arrowBatch).toList();
      if (batches.size() < n) {
        throw new SituationNeverArose("the latest execute step in session '" + sessionName(step) + "' received "
            + batches.size() + " arrow_batch responses, so there is no response of batch " + n + " to name");
      }
      return batches.get(n - 1).responseId();
    }
    throw new FixtureException(member + " must be \"last\", \"unknown\" or {\"arrowBatch\": N}, not " + selector);
  }

  /** The latest execute's response ids written {@code ${responseId:K}} (K from 1): fresh per run, as errors quote them. */
  Map<String, String> responsePlaceholders(JsonNode step) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> ids = latestResponseIds(step);
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), "${responseId:" + (i + 1) + "}");
    }
    return out;
  }

  /**
   * The operation id a reattachExecute or releaseExecute step ({@code op}, for messages) names with
   * {@code operation}: {@code "latest"}, the session's latest execute step's, or {@code "unknown"},
   * a fresh one no call used.
   */
  String operationId(JsonNode step, String op) {
    String which = step.path("operation").asText();
    return switch (which) {
      case "latest" -> lastOperationId(step);
      case "unknown" -> UUID.randomUUID().toString();
      default -> throw new FixtureException(op + ": operation must be \"latest\" or \"unknown\", not '" + which + "'");
    };
  }

  /** The operation id a step's {@code "latest"} names; a case without an earlier execute is broken. */
  String lastOperationId(JsonNode step) {
    String id = lastOperationIds.get(sessionName(step));
    if (id == null) {
      throw new FixtureException("operation \"latest\": no earlier execute step in session '" + sessionName(step) + "'");
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
      List<String> problems) {
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
