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
  private volatile boolean reattachSucceeds;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new SparkConnectServiceGrpc.SparkConnectServiceImplBase() {
          @Override
          public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
            executed.add(request.getOperationId());
            askedReattachable.add(request.getRequestOptionsList().stream()
                .anyMatch(o -> o.hasReattachOptions() && o.getReattachOptions().getReattachable()));
            out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId())
                .setServerSideSessionId("s1").setOperationId(request.getOperationId()).setResponseId("r1")
                .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build());
            out.onCompleted();
          }

          @Override
          public void reattachExecute(ReattachExecuteRequest request, StreamObserver<ExecutePlanResponse> out) {
            reattached.add(request.getOperationId());
            if (reattachSucceeds) {
              out.onCompleted();
            } else {
              out.onError(Status.NOT_FOUND.withDescription("gone").asRuntimeException());
            }
          }

          @Override
          public void releaseExecute(ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> out) {
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

  private static JsonNode step(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
