package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.Plan;
import dev.cclr.proto.UserContext;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ExecuteOptions;
import dev.cclr.tck.client.ExecuteResult;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.fixtures.FixtureException;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The plan steps: {@code execute} (ExecutePlan, rows kept or streamed) and {@code analyze} (AnalyzePlan schema). */
final class PlanSteps {
  private final StepContext context;
  private final StepPlans plans;

  PlanSteps(StepContext context) {
    this.context = context;
    this.plans = new StepPlans(new StepRelations(context));
  }

  Observation execute(JsonNode step) {
    ConnectSession session = context.session(step);
    Plan plan = plans.of(step, context.placeholders(step));
    JsonNode checksum = step.path("expect").path("checksum");
    boolean reattachable = step.path("reattachable").asBoolean(true);
    int cutAfter = step.path("cutAfterResponses").asInt(0);
    if (!reattachable && (cutAfter > 0 || !checksum.isMissingNode())) {
      throw new FixtureException("execute: \"reattachable\": false goes with neither cutAfterResponses nor a checksum");
    }
    JsonNode operationId = step.path("operationId");
    if (!operationId.isMissingNode() && !checksum.isMissingNode()) {
      throw new FixtureException("execute: operationId does not go with a checksum");
    }
    if (!checksum.isMissingNode()) {
      return executeStreaming(step, session, plan, checksum.path("column").asText("id"));
    }
    ExecuteOptions options = reattachable
        ? ExecuteOptions.defaults().cuttingFirstStreamAfter(cutAfter) : ExecuteOptions.singleStream();
    if (!operationId.isMissingNode()) {
      // "latest": the id of the session's latest earlier execute step.
      options = options.withOperationId(operationId.asText().equals("latest")
          ? context.lastOperationId(step) : operationId.asText());
    }
    if (!step.path("release").asBoolean(true)) {
      if (!reattachable) {
        throw new FixtureException("execute: \"release\": false is for a reattachable execution");
      }
      options = options.keepingOperation();
    }
    JsonNode chunking = step.path("resultChunking");
    if (!chunking.isMissingNode()) {
      options = options.chunkingResultsInto(chunking.path("preferredChunkSize").asLong(0));
    }
    List<String> latestIds = context.latestResponseIds(step);
    ExecuteResult result = session.execute(plan, options);
    context.noteOperation(step, result.operationId(), noted(result));
    if (cutAfter > 0 && result.error().isEmpty() && result.reattaches() == 0) {
      throw new SituationNeverArose("the first ExecutePlan stream ended with ResultComplete within "
          + cutAfter + " responses, so the rest of the result never had to come through ReattachExecute");
    }
    List<String> problems = new ArrayList<>();
    for (ExecutePlanResponse r : result.responses()) {
      context.echo(step, session, "ExecutePlan", r.getSessionId(), r.getServerSideSessionId(), problems);
    }
    if (result.error().isPresent()) {
      // A fresh operation id (the kit's, or "latest") is written ${operationId}: an error about the
      // handle (SRV-SEM-012) names it, and two servers agree on it only as a placeholder. An id the
      // case gives literally stays as it is, so that the case can expect it.
      boolean freshId = operationId.isMissingNode() || operationId.asText().equals("latest");
      Observation o = ErrorObservations.of(Op.EXECUTE, session, result.error().get(),
          freshId ? Optional.of(result.operationId()) : Optional.empty());
      ObjectNode error = (ObjectNode) o.data().get(ObservedField.ERROR.json());
      if (!result.batches().isEmpty()) {
        // SRV-ERR-007: what a server detects before it sends rows must come before any rows.
        error.put(ObservedField.ARROW_BATCHES_BEFORE_ERROR.json(), result.batches().size());
      }
      if (result.resultComplete()) {
        error.put(ObservedField.RESULT_COMPLETE_BEFORE_ERROR.json(), true);
      }
      SessionEcho.withProblems(o.data(), problems);
      return o;
    }
    ObjectNode data = SessionEcho.withProblems(CaseRunner.object(), problems);
    streamShape(data, result, reattachable);
    if (operationId.asText().equals("latest")) {
      data.put(ObservedField.REPLAY_DIFFERENCE.json(), replayDifference(latestIds, responseIds(result)).orElse(""));
    }
    if (!chunking.isMissingNode()) {
      data.put(ObservedField.LARGEST_ARROW_PIECE.json(), result.responses().stream()
          .filter(ExecutePlanResponse::hasArrowBatch).mapToLong(r -> r.getArrowBatch().getData().size()).max().orElse(0));
    }
    CanonicalTable table;
    try {
      table = result.table();
    } catch (CanonicalTable.SchemasDiffer | ArrowIpc.UndecodableStream e) {
      // The server's own answer: Arrow batches of one result that are not one table, or a batch
      // Arrow cannot decode (a server that passes a malformed chunk through as stored sends one).
      // Judged as a broken result stream, not left as an ERROR of the kit.
      String field = ObservedField.PROTOCOL_PROBLEMS.json();
      ArrayNode protocol = data.has(field) ? (ArrayNode) data.get(field) : data.putArray(field);
      protocol.add(e instanceof CanonicalTable.SchemasDiffer
          ? "the result's Arrow batches disagree on the schema (" + e.getMessage() + ")"
          : "an Arrow batch of the result cannot be decoded (" + e + ")");
      return new Observation(Op.EXECUTE, data, Optional.empty());
    }
    data.put(ObservedField.ROW_COUNT.json(), table.rowCount());
    return new Observation(Op.EXECUTE, data, Optional.of(table));
  }

  /**
   * A relation too large to keep: the batches are counted and summed as they arrive, and the
   * observation holds only the row count, the column sum and the bytes received.
   */
  private Observation executeStreaming(JsonNode step, ConnectSession session, Plan plan, String column) {
    try (StreamedRows digest = new StreamedRows(column)) {
      ExecuteResult result = session.execute(plan, ExecuteOptions.defaults().streamingTo(digest));
      context.noteOperation(step, result.operationId());
      if (result.error().isPresent()) {
        return ErrorObservations.of(Op.EXECUTE, session, result.error().get());
      }
      ObjectNode data = CaseRunner.object();
      streamShape(data, result, true);
      data.put(ObservedField.ROW_COUNT.json(), digest.rows());
      data.putObject(ObservedField.CHECKSUM.json()).put("column", column).put("sum", Long.toString(digest.sum()));
      data.put(ObservedField.RESULT_BYTES.json(), digest.bytes());
      return new Observation(Op.EXECUTE, data, Optional.empty());
    }
  }

  /**
   * Protocol problems of the response stream, and a ResultComplete where it does not belong: missing
   * at the end of a reattachable execution, or sent in a non-reattachable one (where Spark 4.1.2
   * and 4.2.0 send none, SRV-SEM-011).
   */
  private static void streamShape(ObjectNode data, ExecuteResult result, boolean reattachable) {
    List<String> problems = new ArrayList<>(result.protocolProblems());
    if (!reattachable && result.resultComplete()) {
      problems.add("ResultComplete arrived in an execution that did not ask to be reattachable");
    }
    if (!problems.isEmpty()) {
      var protocol = data.putArray(ObservedField.PROTOCOL_PROBLEMS.json());
      problems.forEach(protocol::add);
    }
    if (reattachable && !result.resultComplete()) {
      data.put(ObservedField.RESULT_COMPLETE.json(), false);
    }
  }

  /**
   * One ReattachExecute, read to its end and not resumed. Its {@code operation} is {@code "latest"},
   * the session's latest execute step's (released after ResultComplete unless that step said
   * {@code "release": false}), or {@code "unknown"}, a fresh one; its {@code lastResponse} is
   * absent (no last_response_id: from the start) or a response selector of {@link
   * StepContext#responseId}. The observation is
   * the error, or the stream: how many responses, its rows when it brought Arrow batches, and
   * whether it ended with ResultComplete.
   */
  Observation reattach(JsonNode step) {
    ConnectSession session = context.session(step);
    String which = step.path("operation").asText();
    String operationId = context.operationId(step, "reattachExecute");
    Optional<String> lastResponseId = step.has("lastResponse")
        ? Optional.of(context.responseId(step, "lastResponse")) : Optional.empty();
    ExecuteResult result = session.reattachOnce(operationId, lastResponseId,
        lastResponseId.map(id -> context.rowsThrough(step, id)).orElse(0L));
    List<String> problems = new ArrayList<>();
    for (ExecutePlanResponse r : result.responses()) {
      context.echo(step, session, "ReattachExecute", r.getSessionId(), r.getServerSideSessionId(), problems);
    }
    if (result.error().isPresent()) {
      return ErrorObservations.of(Op.REATTACH_EXECUTE, session, result.error().get(),
          freshIds(step, operationId, lastResponseId));
    }
    ObjectNode data = SessionEcho.withProblems(CaseRunner.object().put(ObservedField.OK.json(), true), problems);
    data.put(ObservedField.RESPONSES.json(), result.responses().size());
    if (which.equals("latest") && lastResponseId.isEmpty()) {
      data.put(ObservedField.REPLAY_DIFFERENCE.json(),
          replayDifference(context.latestResponseIds(step), responseIds(result)).orElse(""));
    }
    streamShape(data, result, true);
    if (result.batches().isEmpty()) {
      return new Observation(Op.REATTACH_EXECUTE, data, Optional.empty());
    }
    CanonicalTable table;
    try {
      table = result.table();
    } catch (CanonicalTable.SchemasDiffer | ArrowIpc.UndecodableStream e) {
      ArrayNode protocol = data.has(ObservedField.PROTOCOL_PROBLEMS.json())
          ? (ArrayNode) data.get(ObservedField.PROTOCOL_PROBLEMS.json()) : data.putArray(ObservedField.PROTOCOL_PROBLEMS.json());
      protocol.add("the reattached stream's Arrow batches are not one decodable table (" + e.getMessage() + ")");
      return new Observation(Op.REATTACH_EXECUTE, data, Optional.empty());
    }
    data.put(ObservedField.ROW_COUNT.json(), table.rowCount());
    return new Observation(Op.REATTACH_EXECUTE, data, Optional.of(table));
  }

  /**
   * ReleaseExecute of the session's latest execute step's operation ({@code operation}: "latest")
   * or of a fresh id ("unknown"): all of it, or with {@code until} (a response selector as
   * reattachExecute's {@code lastResponse}) its responses up to and including that one. The
   * observation is the error, or {@code ok}.
   */
  Observation release(JsonNode step) {
    ConnectSession session = context.session(step);
    String operationId = context.operationId(step, "releaseExecute");
    Optional<String> until = step.has("until") ? Optional.of(context.responseId(step, "until")) : Optional.empty();
    Optional<RemoteError> error = session.releaseExecute(operationId, until);
    if (error.isPresent()) {
      return ErrorObservations.of(Op.RELEASE_EXECUTE, session, error.get(), freshIds(step, operationId, until));
    }
    return new Observation(Op.RELEASE_EXECUTE, CaseRunner.object().put(ObservedField.OK.json(), true), Optional.empty());
  }

  /**
   * The ids fresh per run that a reattach or release error may quote, with their placeholders: the
   * operation id, the response id the request named, and every response id of the latest execute
   * step as {@code ${responseId:K}}. Two servers agree on them only as placeholders.
   */
  private Map<String, String> freshIds(JsonNode step, String operationId, Optional<String> responseId) {
    Map<String, String> fresh = new LinkedHashMap<>();
    fresh.put(operationId, "${operationId}");
    fresh.putAll(context.responsePlaceholders(step));
    responseId.ifPresent(id -> fresh.putIfAbsent(id, "${lastResponseId}"));
    return fresh;
  }

  /** The responses of an execution as the step context keeps them, with the rows received through each. */
  private static List<StepContext.NotedResponse> noted(ExecuteResult result) {
    List<StepContext.NotedResponse> out = new ArrayList<>();
    long rows = 0;
    for (ExecutePlanResponse r : result.responses()) {
      if (r.hasArrowBatch()) {
        ExecutePlanResponse.ArrowBatch b = r.getArrowBatch();
        boolean lastPiece = !b.hasNumChunksInBatch() || b.getChunkIndex() + 1 >= b.getNumChunksInBatch();
        rows += lastPiece ? b.getRowCount() : 0;
      }
      if (!r.getResponseId().isEmpty()) {
        out.add(new StepContext.NotedResponse(r.getResponseId(), r.hasArrowBatch(), rows));
      }
    }
    return out;
  }

  private static List<String> responseIds(ExecuteResult result) {
    return result.responseIds().stream().filter(id -> !id.isEmpty()).toList();
  }

  /**
   * Where a stream that should repeat the latest execute's responses (SRV-SEM-013/014) departs
   * from them: response ids are how a client names its place in the result, so a repeat must
   * bring the same ones in the same order. Empty when they agree.
   */
  static Optional<String> replayDifference(List<String> latest, List<String> again) {
    for (int i = 0; i < Math.max(latest.size(), again.size()); i++) {
      String want = i < latest.size() ? latest.get(i) : null;
      String got = i < again.size() ? again.get(i) : null;
      if (!Objects.equals(want, got)) {
        return Optional.of("response " + (i + 1) + " of " + latest.size() + " was "
            + (want == null ? "not sent before" : want) + " and is now " + (got == null ? "missing" : got)
            + " (" + again.size() + " responses now)");
      }
    }
    return Optional.empty();
  }

  /**
   * AnalyzePlan of the step's {@code method}: {@code schema} (the default) of the step's relation,
   * {@code isLocal} of it, or {@code ddlParse} of the step's {@code ddl} string. A schema or parsed
   * type is recorded as {@link SparkTypeText} writes it (its field metadata as {@link FieldMetadata} does), is_local as {@link ObservedField#IS_LOCAL}.
   */
  Observation analyze(JsonNode step) {
    ConnectSession session = context.session(step);
    Placeholders p = context.placeholders(step);
    AnalyzePlanRequest.Builder request = AnalyzePlanRequest.newBuilder()
        .setSessionId(session.sessionId())
        .setUserContext(UserContext.newBuilder().setUserId(session.userId()))
        .setClientType(session.clientType());
    String method = step.path("method").asText("schema");
    switch (method) {
      case "schema" -> request.setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(plan(step, p)));
      case "isLocal" -> request.setIsLocal(AnalyzePlanRequest.IsLocal.newBuilder().setPlan(plan(step, p)));
      case "ddlParse" -> request.setDdlParse(
          AnalyzePlanRequest.DDLParse.newBuilder().setDdlString(p.expand(step.path("ddl").asText())));
      default -> throw new FixtureException("unknown analyze method '" + method + "'");
    }
    session.serverSideSessionId().ifPresent(request::setClientObservedServerSideSessionId);
    AnalyzePlanResponse response;
    try {
      response = StepContext.stub(session).analyzePlan(request.build());
    } catch (StatusRuntimeException e) {
      return ErrorObservations.of(Op.ANALYZE, session, RemoteError.from(e));
    }
    ObjectNode data = CaseRunner.object();
    switch (method) {
      case "isLocal" -> data.put(ObservedField.IS_LOCAL.json(), response.getIsLocal().getIsLocal());
      case "ddlParse" -> schema(data, response.getDdlParse().getParsed());
      default -> schema(data, response.getSchema().getSchema());
    }
    List<String> problems = new ArrayList<>();
    context.echo(step, session, "AnalyzePlan", response.getSessionId(), response.getServerSideSessionId(), problems);
    return new Observation(Op.ANALYZE, SessionEcho.withProblems(data, problems), Optional.empty());
  }

  /** A schema as {@link SparkTypeText} writes it and, when any field has some, its field metadata. */
  private static void schema(ObjectNode data, dev.cclr.proto.DataType type) {
    data.put(ObservedField.SCHEMA.json(), SparkTypeText.of(type));
    ObjectNode metadata = FieldMetadata.of(type);
    if (!metadata.isEmpty()) {
      data.set(ObservedField.FIELD_METADATA.json(), metadata);
    }
    ObjectNode collations = StringCollations.of(type);
    if (!collations.isEmpty()) {
      data.set(ObservedField.COLLATIONS.json(), collations);
    }
  }

  private Plan plan(JsonNode step, Placeholders p) {
    return plans.of(step, p);
  }
}
