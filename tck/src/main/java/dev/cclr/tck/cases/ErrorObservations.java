package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.SparkErrorInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A failed call as an observation: code, error class, SQLSTATE, reason, parameters and message,
 * with the session's ids replaced by their placeholders so that two servers can agree, plus what
 * {@link EnvelopeChecks} finds wrong with the error's envelope and message.
 */
final class ErrorObservations {
  private ErrorObservations() {}

  static Observation of(Op op, ConnectSession session, RemoteError error) {
    return of(op, session, error, Optional.empty());
  }

  /**
   * As {@link #of(Op, ConnectSession, RemoteError)}, with the operation id the request named
   * written {@code ${operationId}} too: a fresh id per run, which two servers can only agree on as
   * a placeholder (INVALID_HANDLE.OPERATION_NOT_FOUND quotes it).
   */
  static Observation of(Op op, ConnectSession session, RemoteError error, Optional<String> operationId) {
    return of(op, session, error, operationId.map(id -> Map.of(id, "${operationId}")).orElse(Map.of()));
  }

  /**
   * As {@link #of(Op, ConnectSession, RemoteError)}, with each fresh value the request carried (an
   * operation id, a response id) written as its placeholder: {@code fresh} maps value to placeholder.
   */
  static Observation of(Op op, ConnectSession session, RemoteError error, Map<String, String> fresh) {
    String serverSide = session.serverSideSessionId().orElse(null);
    String clientSide = session.sessionId();
    ObjectNode e = CaseRunner.object();
    e.put(ObservedField.CODE.json(), error.code().name());
    Optional<SparkErrorInfo> info = error.errorInfo();
    e.put(ObservedField.ERROR_CLASS.json(), info.flatMap(SparkErrorInfo::errorClass).orElse(null));
    e.put(ObservedField.SQL_STATE.json(), info.flatMap(SparkErrorInfo::sqlState).orElse(null));
    e.put(ObservedField.REASON.json(), info.map(SparkErrorInfo::reason).orElse(null));
    ObjectNode params = e.putObject(ObservedField.MESSAGE_PARAMETERS.json());
    info.ifPresent(i -> new TreeMap<>(i.messageParameters())
        .forEach((k, v) -> params.put(k, withFresh(normalise(v, serverSide, clientSide), fresh))));
    e.put(ObservedField.MESSAGE.json(), withFresh(normalise(error.description(), serverSide, clientSide), fresh));
    putList(e, ObservedField.ENVELOPE_PROBLEMS, EnvelopeChecks.envelopeProblems(error), serverSide, clientSide);
    putList(e, ObservedField.FORMAT_PROBLEMS, EnvelopeChecks.formatProblems(error), serverSide, clientSide);
    ObjectNode data = CaseRunner.object();
    data.set(ObservedField.ERROR.json(), e);
    return new Observation(op, data, Optional.empty(), info.flatMap(SparkErrorInfo::errorId));
  }

  private static void putList(ObjectNode e, ObservedField field, List<String> problems, String serverSide, String clientSide) {
    if (!problems.isEmpty()) {
      var a = e.putArray(field.json());
      problems.forEach(x -> a.add(normalise(x, serverSide, clientSide)));
    }
  }

  private static String withFresh(String value, Map<String, String> fresh) {
    String out = value;
    for (var e : fresh.entrySet()) {
      out = out == null ? null : out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  static String normalise(String value, String serverSide, String clientSide) {
    if (value == null) {
      return null;
    }
    String out = serverSide == null || serverSide.isEmpty() ? value : value.replace(serverSide, "${serverSideSessionId}");
    // Client session ids are random per run, so two targets can only agree on the placeholder.
    return clientSide == null || clientSide.isEmpty() ? out : out.replace(clientSide, "${sessionId}");
  }
}
