package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.FetchErrorDetailsRequest;
import dev.cclr.proto.FetchErrorDetailsResponse;
import dev.cclr.proto.UserContext;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.RemoteError;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The session-level steps: {@code status} (ArtifactStatus), {@code releaseSession} and {@code fetchErrorDetails}. */
final class StatusSteps {
  private final StepContext context;

  StatusSteps(StepContext context) {
    this.context = context;
  }

  Observation status(JsonNode step) {
    ConnectSession session = context.session(step);
    Placeholders p = context.placeholders(step);
    List<String> names = new ArrayList<>();
    step.path("names").forEach(n -> names.add(p.expand(n.asText())));
    if (step.hasNonNull("observedServerSideSessionId")) {
      // A request that claims to have seen another server-side session (SRV-SES-004).
      ArtifactStatusesRequest request = ArtifactStatusesRequest.newBuilder()
          .setSessionId(session.sessionId())
          .setUserContext(UserContext.newBuilder().setUserId(session.userId()))
          .setClientType(session.clientType())
          .addAllNames(names)
          .setClientObservedServerSideSessionId(p.expand(step.get("observedServerSideSessionId").asText()))
          .build();
      try {
        return observation(step, session, StepContext.stub(session).artifactStatus(request));
      } catch (StatusRuntimeException e) {
        return ErrorObservations.of(Op.STATUS, session, RemoteError.from(e));
      }
    }
    return StepContext.call(Op.STATUS, session, () -> observation(step, session, session.artifactStatus(names)).data());
  }

  Observation releaseSession(JsonNode step) {
    ConnectSession session = context.session(step);
    return StepContext.call(Op.RELEASE_SESSION, session, () -> {
      session.releaseSession(step.path("allowReconnect").asBoolean(false));
      return CaseRunner.object().put(ObservedField.OK.json(), true);
    });
  }

  /** FetchErrorDetails of the session's latest errorId: the root error, or null when there is none. */
  Observation fetchErrorDetails(JsonNode step) {
    ConnectSession session = context.session(step);
    FetchErrorDetailsRequest.Builder request = FetchErrorDetailsRequest.newBuilder()
        .setSessionId(session.sessionId())
        .setUserContext(UserContext.newBuilder().setUserId(session.userId()))
        .setClientType(session.clientType())
        .setErrorId(context.lastErrorId(step));
    session.serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);
    FetchErrorDetailsResponse response;
    try {
      response = StepContext.stub(session).fetchErrorDetails(request.build());
    } catch (StatusRuntimeException e) {
      return ErrorObservations.of(Op.FETCH_ERROR_DETAILS, session, RemoteError.from(e));
    }
    ObjectNode data = CaseRunner.object();
    if (!response.hasRootErrorIdx() || response.getRootErrorIdx() < 0 || response.getRootErrorIdx() >= response.getErrorsCount()) {
      data.putNull(ObservedField.DETAILS.json());
      return new Observation(Op.FETCH_ERROR_DETAILS, data, Optional.empty());
    }
    FetchErrorDetailsResponse.Error root = response.getErrors(response.getRootErrorIdx());
    String serverSide = session.serverSideSessionId().orElse(null);
    ObjectNode details = data.putObject(ObservedField.DETAILS.json());
    FetchErrorDetailsResponse.SparkThrowable t = root.getSparkThrowable();
    details.put(ObservedField.ERROR_CLASS.json(), t.hasErrorClass() ? t.getErrorClass() : null);
    details.put(ObservedField.SQL_STATE.json(), t.hasSqlState() ? t.getSqlState() : null);
    ObjectNode params = details.putObject(ObservedField.MESSAGE_PARAMETERS.json());
    new TreeMap<>(t.getMessageParametersMap())
        .forEach((k, v) -> params.put(k, ErrorObservations.normalise(v, serverSide, session.sessionId())));
    return new Observation(Op.FETCH_ERROR_DETAILS, data, Optional.empty());
  }

  private Observation observation(JsonNode step, ConnectSession session, ArtifactStatusesResponse response) {
    ObjectNode exists = CaseRunner.object();
    // Sorted, so that two servers' maps compare equal whatever order they answered in.
    new TreeMap<>(response.getStatusesMap()).forEach((k, v) -> exists.put(k, v.getExists()));
    ObjectNode data = CaseRunner.object();
    data.set(ObservedField.EXISTS.json(), exists);
    List<String> problems = new ArrayList<>();
    context.echo(step, session, "ArtifactStatus", response.getSessionId(), response.getServerSideSessionId(), problems);
    return new Observation(Op.STATUS, SessionEcho.withProblems(data, problems), Optional.empty());
  }
}
