package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.client.ConnectSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What SRV-SES-003 asks of every response: the request's session_id echoed, and a non-empty
 * server_side_session_id that stays the same for the session. The problems go into the
 * observation as {@link ObservedField#SESSION_PROBLEMS} (only when there are any); the expectation
 * {@code sessionEcho} judges them.
 */
final class SessionEcho {
  /** The first server_side_session_id each named session's responses carried. */
  private final Map<String, String> firstServerSide = new HashMap<>();

  void check(String sessionName, ConnectSession session, String call, String sessionId, String serverSide,
      List<String> problems) {
    if (!session.sessionId().equals(sessionId)) {
      problems.add(call + " response carries session_id '" + sessionId + "', not the request's");
    }
    if (serverSide == null || serverSide.isEmpty()) {
      problems.add(call + " response carries no server_side_session_id");
      return;
    }
    String first = firstServerSide.putIfAbsent(sessionName, serverSide);
    if (first != null && !first.equals(serverSide)) {
      problems.add(call + " response carries server_side_session_id " + serverSide + ", earlier ones " + first);
    }
  }

  static ObjectNode withProblems(ObjectNode data, List<String> problems) {
    if (!problems.isEmpty()) {
      var a = data.putArray(ObservedField.SESSION_PROBLEMS.json());
      problems.forEach(a::add);
    }
    return data;
  }
}
