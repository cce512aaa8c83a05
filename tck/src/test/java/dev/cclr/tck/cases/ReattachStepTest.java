package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseExecuteResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.fixtures.FixtureException;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code reattachExecute} step: which operation id it sends, and what it observes. A scripted
 * server on 127.0.0.1 records the ids; it answers every ReattachExecute with NOT_FOUND, except
 * that {@link #reattachSucceeds} makes it end the stream without an error (a server that does not
 * notice the operation is gone).
 */
class ReattachStepTest {
  private final List<String> executed = new CopyOnWriteArrayList<>();
  private final List<Boolean> askedReattachable = new CopyOnWriteArrayList<>();
  private final List<String> reattached = new CopyOnWriteArrayList<>();
  /** The last_response_id of each ReattachExecute, "" when it had none. */
  private final List<String> reattachedFrom = new CopyOnWriteArrayList<>();
  private final List<String> released = new CopyOnWriteArrayList<>();
  private final List<ExecutePlanRequest> executeRequests = new CopyOnWriteArrayList<>();
  private volatile boolean reattachSucceeds;
  /** When set, a successful reattach sends the execute's two responses again. */
  private volatile boolean reattachReplays;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new SparkConnectServiceGrpc.SparkConnectServiceImplBase() {
          @Override
          public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
            executed.add(request.getOperationId());
            executeRequests.add(request);
            askedReattachable.add(request.getRequestOptionsList().stream()
                .anyMatch(o -> o.hasReattachOptions() && o.getReattachOptions().getReattachable()));
            // Two responses, so that the first and the last response id differ.
            out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId())
                .setServerSideSessionId("s1").setOperationId(request.getOperationId()).setResponseId("r0").build());
            out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId())
                .setServerSideSessionId("s1").setOperationId(request.getOperationId()).setResponseId("r1")
                .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build());
            out.onCompleted();
          }

          @Override
          public void reattachExecute(ReattachExecuteRequest request, StreamObserver<ExecutePlanResponse> out) {
            reattached.add(request.getOperationId());
            reattachedFrom.add(request.hasLastResponseId() ? request.getLastResponseId() : "");
            if (reattachSucceeds) {
              if (reattachReplays) {
                out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId())
                    .setServerSideSessionId("s1").setOperationId(request.getOperationId()).setResponseId("r0").build());
                out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId())
                    .setServerSideSessionId("s1").setOperationId(request.getOperationId()).setResponseId("r1")
                    .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build());
              }
              out.onCompleted();
            } else {
              out.onError(Status.NOT_FOUND.withDescription("gone").asRuntimeException());
            }
          }

          @Override
          public void releaseExecute(ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> out) {
            released.add(request.getOperationId());
            out.onNext(ReleaseExecuteResponse.newBuilder().setSessionId(request.getSessionId())
                .setServerSideSessionId("s1").setOperationId(request.getOperationId()).build());
            out.onCompleted();
          }
        })
        .build().start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void latestNamesTheOperationOfTheLatestExecuteAndUnknownAFreshOne() throws Exception {
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}}"));
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}}"));
      Observation latest = steps.perform(step(
          "{\"op\": \"reattachExecute\", \"operation\": \"latest\", \"expect\": {\"error\": {\"code\": \"NOT_FOUND\"}}}"));
      steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"unknown\"}"));
      assertEquals(executed.get(1), reattached.get(0), "latest: the second execute's operation id");
      assertNotEquals(executed.get(0), reattached.get(1));
      assertNotEquals(executed.get(1), reattached.get(1));
      assertEquals("NOT_FOUND", latest.data().path("error").path("code").asText(), latest.toString());
      assertEquals(Optional.empty(), Expectations.judge(step(
          "{\"expect\": {\"error\": {\"code\": \"NOT_FOUND\"}}}").get("expect"), latest, Map.of(), Profile.SPARK_4_2));
    }
  }

  @Test
  void aReattachTheServerAnswersWithoutAnErrorFailsAnErrorExpectation() throws Exception {
    reattachSucceeds = true;
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      Observation o = new StepExecutor(Map.of(), sessions).perform(step("{\"op\": \"reattachExecute\", \"operation\": \"unknown\"}"));
      assertTrue(o.data().path("ok").asBoolean(), o.toString());
      Optional<String> failure = Expectations.judge(step(
          "{\"expect\": {\"error\": {\"code\": \"INTERNAL\", \"errorClass\": \"INVALID_HANDLE.OPERATION_NOT_FOUND\"}}}").get("expect"),
          o, Map.of(), Profile.SPARK_4_2);
      assertTrue(failure.isPresent(), "a reattach that succeeded must not pass an error expectation");
    }
  }

  @Test
  void aBrokenOperationOrOneWithoutAnEarlierExecuteIsABrokenFixture() throws Exception {
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      FixtureException none = assertThrows(FixtureException.class,
          () -> steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\"}")));
      assertTrue(none.getMessage().contains("no earlier execute step in session 'main'"), none.getMessage());
      FixtureException bad = assertThrows(FixtureException.class,
          () -> steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"first\"}")));
      assertTrue(bad.getMessage().contains("\"latest\" or \"unknown\""), bad.getMessage());
      assertEquals(List.of(), reattached, "a broken step sends nothing");
    }
  }

  /**
   * execute with "reattachable": false asks for no reattachment, and the ResultComplete this server
   * sends anyway is a protocol problem of the step (SRV-SEM-011); by default the same answer is fine.
   */
  @Test
  void aNonReattachableExecuteAsksForNoReattachmentAndFlagsAResultComplete() throws Exception {
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      Observation single = steps.perform(step(
          "{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"reattachable\": false}"));
      Observation reattachable = steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}}"));
      assertEquals(List.of(false, true), askedReattachable);
      assertEquals("[\"ResultComplete arrived in an execution that did not ask to be reattachable\"]",
          single.data().path("protocolProblems").toString(), single.toString());
      assertTrue(reattachable.data().path("protocolProblems").isMissingNode(), reattachable.toString());
      assertEquals(List.of(), reattached, "a non-reattachable execution is never reattached");
    }
  }

  /** execute's operationId is sent as given; "latest" is the id of the session's latest earlier execute. */
  @Test
  void anExecuteSendsTheOperationIdItNames() throws Exception {
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"operationId\": \"not-a-uuid\"}"));
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}}"));
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"operationId\": \"latest\"}"));
      assertEquals("not-a-uuid", executed.get(0));
      assertNotEquals(executed.get(0), executed.get(1));
      assertEquals(executed.get(1), executed.get(2), "latest: the second execute's operation id");
    }
  }

  @Test
  void aNonReattachableExecuteThatIsCutOrStreamedIsABrokenFixture() throws Exception {
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      for (String extra : List.of("\"cutAfterResponses\": 1", "\"expect\": {\"checksum\": {\"column\": \"a\"}}")) {
        FixtureException e = assertThrows(FixtureException.class, () -> steps.perform(step(
            "{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"reattachable\": false, " + extra + "}")));
        assertTrue(e.getMessage().contains("\"reattachable\": false goes with neither"), e.getMessage());
      }
      assertEquals(List.of(), executed, "a broken step sends nothing");
    }
  }

  /**
   * lastResponse "last" sends the id of the latest execute's last response, "unknown" a fresh one,
   * none sends no last_response_id; "release": false leaves the operation unreleased.
   */
  @Test
  void lastResponseNamesTheLatestExecutesLastResponseOrAFreshId() throws Exception {
    reattachSucceeds = true;
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"release\": false}"));
      assertEquals(List.of(), released, "release false: no ReleaseExecute");
      steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\", \"lastResponse\": \"last\"}"));
      steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\", \"lastResponse\": \"unknown\"}"));
      steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\"}"));
      assertEquals(List.of(executed.get(0), executed.get(0), executed.get(0)), reattached);
      assertEquals("r1", reattachedFrom.get(0), "last: the id of the execute's last response");
      assertNotEquals("r1", reattachedFrom.get(1));
      assertEquals(36, reattachedFrom.get(1).length(), "unknown: a fresh UUID");
      assertEquals("", reattachedFrom.get(2), "absent: no last_response_id");
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}}"));
      assertEquals(List.of(executed.get(1)), released, "by default the kit releases after ResultComplete");
      FixtureException bad = assertThrows(FixtureException.class, () -> steps.perform(step(
          "{\"op\": \"reattachExecute\", \"operation\": \"latest\", \"lastResponse\": \"first\"}")));
      assertTrue(bad.getMessage().contains("lastResponse must be \"last\", \"unknown\" or {\"arrowBatch\": N}"), bad.getMessage());
    }
  }

  /** A successful reattach is observed as its stream: the response count, and whether ResultComplete ended it. */
  @Test
  void aSuccessfulReattachRecordsItsResponses() throws Exception {
    reattachSucceeds = true;
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"release\": false}"));
      Observation empty = steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\", \"lastResponse\": \"last\"}"));
      assertEquals(0, empty.data().path("responses").asInt(-1), empty.toString());
      assertEquals(false, empty.data().path("resultComplete").asBoolean(true), empty.toString());
      reattachReplays = true;
      Observation replay = steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\"}"));
      assertEquals(2, replay.data().path("responses").asInt(-1), replay.toString());
      assertTrue(replay.data().path("resultComplete").isMissingNode(), replay.toString());
      assertEquals(Optional.of("expected a stream of 0 responses but it brought 2"), Expectations.judge(
          step("{\"responses\": 0}"), replay, Map.of(), Profile.SPARK_4_2));
    }
  }

  /** resultChunking asks for chunked batches of the preferred size; 0 leaves the size unset. */
  @Test
  void resultChunkingSendsTheOptionsAndRecordsTheLargestPiece() throws Exception {
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      Observation o = steps.perform(step(
          "{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"resultChunking\": {\"preferredChunkSize\": 1024}}"));
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"resultChunking\": {}}"));
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}}"));
      List<String> chunking = executeRequests.stream().map(r -> r.getRequestOptionsList().stream()
          .filter(ExecutePlanRequest.RequestOption::hasResultChunkingOptions)
          .map(x -> x.getResultChunkingOptions().getAllowArrowBatchChunking() + "/"
              + (x.getResultChunkingOptions().hasPreferredArrowChunkSize() ? x.getResultChunkingOptions().getPreferredArrowChunkSize() : "-"))
          .toList().toString()).toList();
      assertEquals(List.of("[true/1024]", "[true/-]", "[]"), chunking);
      assertEquals(0, o.data().path("largestArrowPiece").asLong(-1), o.toString());
    }
  }

  @Test
  void replayDifferenceNamesTheFirstResponseThatDiffers() {
    assertEquals(Optional.empty(), PlanSteps.replayDifference(List.of("a", "b"), List.of("a", "b")));
    assertEquals(Optional.of("response 2 of 2 was b and is now c (2 responses now)"),
        PlanSteps.replayDifference(List.of("a", "b"), List.of("a", "c")));
    assertEquals(Optional.of("response 2 of 2 was b and is now missing (1 responses now)"),
        PlanSteps.replayDifference(List.of("a", "b"), List.of("a")));
    assertEquals(Optional.of("response 3 of 2 was not sent before and is now c (3 responses now)"),
        PlanSteps.replayDifference(List.of("a", "b"), List.of("a", "b", "c")));
  }

  /** A reattach from the start after an execute records how its response ids compare with that execute's. */
  @Test
  void aReattachFromTheStartRecordsHowItRepeatsTheLatestExecute() throws Exception {
    reattachSucceeds = true;
    reattachReplays = true;
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      StepExecutor steps = new StepExecutor(Map.of(), sessions);
      steps.perform(step("{\"op\": \"execute\", \"local\": {\"schema\": \"a INT\"}, \"release\": false}"));
      Observation same = steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\"}"));
      assertEquals("", same.data().path("replayDifference").asText("absent"), same.toString());
      Observation from = steps.perform(step("{\"op\": \"reattachExecute\", \"operation\": \"latest\", \"lastResponse\": \"last\"}"));
      assertTrue(from.data().path("replayDifference").isMissingNode(), "a reattach from a response repeats nothing: " + from);
    }
  }

  private static JsonNode step(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
