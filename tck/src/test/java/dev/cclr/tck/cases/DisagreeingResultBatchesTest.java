package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.client.ConnectUri;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server whose result batches disagree on their schema (the Spark Rust runtime 0.42.1a4 does this
 * for chunks that differ in a field's nullability) has answered, wrongly: the case must FAIL on a
 * broken result stream, not end as an ERROR of the kit that could not concatenate the rows. A
 * scripted server on 127.0.0.1 sends exactly such batches.
 */
class DisagreeingResultBatchesTest {
  private Server server;
  /** The data of the arrow_batch responses the scripted server sends, one response each. */
  private volatile List<byte[]> answer = List.of();

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new SparkConnectServiceGrpc.SparkConnectServiceImplBase() {
          @Override
          public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
            for (int i = 0; i < answer.size(); i++) {
              out.onNext(arrow(request, "r" + (i + 1), answer.get(i)));
            }
            out.onNext(ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId())
                .setOperationId(request.getOperationId()).setResponseId("end")
                .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()).build());
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
  void resultBatchesWithDifferentSchemasAreABrokenResultStreamNotAnErrorOfTheKit() throws Exception {
    answer = List.of(batch(true), batch(false));
    JsonNode step = new ObjectMapper().readTree("""
        {"op": "execute", "chunked": {"data": ["d"]}, "expect": {"rows": "d"}}""");
    Blob d = new Blob("d", batch(true));
    try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
      Observation o = new StepExecutor(Map.of("d", d), sessions).perform(step);
      assertTrue(o.table().isEmpty(), "no table can be made of the batches: " + o);
      String problems = o.data().path("protocolProblems").toString();
      assertTrue(problems.contains("the result's Arrow batches disagree on the schema"), o.toString());
      Optional<String> failure = Expectations.judge(step.get("expect"), o, Map.of("d", d), Profile.SPARK_4_2);
      assertTrue(failure.isPresent() && failure.get().startsWith("the result stream broke the protocol"), failure.toString());
    }
  }

  /**
   * A server that passes a malformed chunk through as stored (a mutant of the reference server
   * that skips an offsets check) answers with a batch Arrow cannot decode: that is its wrong answer,
   * judged FAIL whatever the step expected, not a case the kit could not judge.
   */
  @Test
  void aResultBatchArrowCannotDecodeIsABrokenResultStreamNotAnErrorOfTheKit() throws Exception {
    byte[] decreasing = dev.cclr.tck.fixtures.ArrowRecipe.parse(new ObjectMapper().readTree("""
        {"fields": [{"name": "s", "type": "utf8"}], "batches": [[["abc"], ["de"], ["f"]]],
         "edits": [{"batch": 0, "buffer": 1, "int32": [1, 5]}, {"batch": 0, "buffer": 1, "int32": [2, 3]}]}""")).toIpcStream();
    answer = List.of(decreasing);
    Blob d = new Blob("d", decreasing);
    for (String expect : List.of("{\"rows\": \"d\"}", "{\"error\": {\"code\": \"INTERNAL\"}}")) {
      JsonNode step = new ObjectMapper().readTree(
          "{\"op\": \"execute\", \"chunked\": {\"data\": [\"d\"]}, \"expect\": " + expect + "}");
      try (CaseSessions sessions = new CaseSessions(ConnectUri.local(server.getPort()))) {
        Observation o = new StepExecutor(Map.of("d", d), sessions).perform(step);
        assertTrue(o.table().isEmpty(), o.toString());
        assertTrue(o.data().path("protocolProblems").toString().contains("an Arrow batch of the result cannot be decoded"),
            o.toString());
        Optional<String> failure = Expectations.judge(step.get("expect"), o, Map.of("d", d), Profile.SPARK_4_2);
        assertTrue(failure.isPresent(), expect + ": " + o);
      }
    }
  }

  private static ExecutePlanResponse arrow(ExecutePlanRequest request, String responseId, byte[] data) {
    return ExecutePlanResponse.newBuilder().setSessionId(request.getSessionId()).setOperationId(request.getOperationId())
        .setResponseId(responseId)
        .setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder().setRowCount(1).setData(ByteString.copyFrom(data)))
        .build();
  }

  /** One row of a bigint column {@code id}, nullable or not. */
  private static byte[] batch(boolean nullable) {
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector id = new BigIntVector("id", new FieldType(nullable, new ArrowType.Int(64, true), null), allocator)) {
      id.allocateNew(1);
      id.set(0, 7);
      id.setValueCount(1);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(id)) {
        return ArrowIpc.write(root);
      }
    }
  }
}
