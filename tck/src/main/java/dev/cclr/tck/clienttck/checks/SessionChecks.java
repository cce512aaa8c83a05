package dev.cclr.tck.clienttck.checks;

import com.google.protobuf.Message;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.CallRecord;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.RecordingServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Rules of sessions (spec chapter 2) and credentials (chapter 12) as they bind a client. */
final class SessionChecks {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<String> RELATION_CALLS = Set.of("ArtifactStatus", "AddArtifacts", "ExecutePlan", "AnalyzePlan");

  private SessionChecks() {}

  /** CLI-SES-001: a UUID session id, the same session and user on status, uploads and plans. */
  static Judgement oneSession(ClientRun run) {
    Set<String> sessions = new TreeSet<>();
    Set<String> users = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    boolean sawUpload = false;
    for (CallRecord call : run.trace().calls()) {
      if (!RELATION_CALLS.contains(call.method())) {
        continue;
      }
      sawUpload |= call.method().equals("AddArtifacts");
      for (Message m : call.requests()) {
        String session = ClientTrace.field(m, "session_id");
        if (!UUID.matcher(session).matches()) {
          problems.add(call.method() + " call #" + call.seq() + " has session_id '" + session + "', not a UUID");
        }
        sessions.add(session);
        users.add(ClientTrace.userId(m));
      }
    }
    if (!sawUpload || Blobs.uploadRelations(run).isEmpty()) {
      return Judgement.nothingToJudge("the client did not both upload blobs and send a "
          + (run.profile().clientUploadsCachedBlob() ? "cached" : "chunked") + " relation");
    }
    if (sessions.size() > 1) {
      problems.add("status checks, uploads and plans use " + sessions.size() + " session ids: " + sessions);
    }
    if (users.size() > 1) {
      problems.add("status checks, uploads and plans use " + users.size() + " user ids: " + users);
    }
    return Judgement.of(problems);
  }

  /** CLI-SEC-001: the same credentials on every call. */
  static Judgement sameCredentials(ClientRun run) {
    List<String> problems = new ArrayList<>();
    boolean plan = false;
    boolean other = false;
    for (CallRecord call : run.trace().calls()) {
      String sent = call.headers().get(RecordingServer.CREDENTIAL_HEADER);
      plan |= call.method().equals("ExecutePlan");
      other |= call.method().equals("ArtifactStatus") || call.method().equals("AddArtifacts") || call.method().equals("Config");
      if (!run.credential().equals(sent)) {
        problems.add(call.method() + " call #" + call.seq() + (sent == null ? " carries no " + RecordingServer.CREDENTIAL_HEADER
            + " header" : " carries a different " + RecordingServer.CREDENTIAL_HEADER + " value"));
      }
    }
    if (!plan || !other) {
      return Judgement.nothingToJudge("the client made no ExecutePlan call or no Config/ArtifactStatus/AddArtifacts call");
    }
    return Judgement.of(problems);
  }

  /** CLI-SES-002: every request after the first reports the latest server-side session id it received. */
  static Judgement reportsObservedServerSession(ClientRun run) {
    List<String> problems = new ArrayList<>();
    String latest = "";
    int judged = 0;
    for (CallRecord call : run.trace().calls()) {
      if (RELATION_CALLS.contains(call.method()) || call.method().equals("Config")) {
        if (!latest.isEmpty() && !call.requests().isEmpty()) {
          judged++;
          String sent = ClientTrace.field(call.requests().get(0), "client_observed_server_side_session_id");
          if (!latest.equals(sent)) {
            problems.add(call.method() + " call #" + call.seq() + " reports server-side session '" + sent + "', the latest it received was '"
                + latest + "'");
          }
        }
      }
      String id = ClientTrace.serverSideSessionId(call);
      if (!id.isEmpty()) {
        latest = id;
      }
    }
    return judged == 0 ? Judgement.nothingToJudge("no request followed a response") : Judgement.of(problems);
  }
}
