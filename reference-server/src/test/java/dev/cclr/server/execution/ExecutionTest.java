package dev.cclr.server.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.ByteString;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.CompressionCodec;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.GetStatusRequest;
import dev.cclr.proto.GetStatusResponse.OperationStatus.OperationState;
import dev.cclr.proto.Plan;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseExecuteResponse;
import dev.cclr.proto.ResultChunkingOptions;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionTest {

  @TempDir Path dir;
  private TestServer t;
  private Rpc rpc;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(dir);
    rpc = new Rpc(t, TestServer.newSessionId());
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  private ReattachExecuteRequest.Builder reattach(String operationId) {
    return ReattachExecuteRequest.newBuilder().setSessionId(rpc.sessionId()).setUserContext(TestServer.USER)
        .setOperationId(operationId);
  }

  private ReleaseExecuteRequest.Builder release(String operationId) {
    return ReleaseExecuteRequest.newBuilder().setSessionId(rpc.sessionId()).setUserContext(TestServer.USER)
        .setOperationId(operationId);
  }

  private List<ExecutePlanResponse> drain(Iterator<ExecutePlanResponse> it) {
    List<ExecutePlanResponse> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void reattachableExecutionStreamsSchemaBatchesAndResultComplete() {
    String op = UUID.randomUUID().toString();
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.local(Ipc.ints(3, 7))).setOperationId(op)
        .addRequestOptions(Rpc.reattachable()).build());
    assertEquals(3, rs.size());
    assertTrue(rs.get(0).hasSchema());
    assertEquals("id", rs.get(0).getSchema().getStruct().getFields(0).getName());
    assertEquals(ExecutePlanResponse.ResponseTypeCase.RESPONSETYPE_NOT_SET, rs.get(0).getResponseTypeCase());
    ExecutePlanResponse.ArrowBatch batch = rs.get(1).getArrowBatch();
    assertEquals(3, batch.getRowCount());
    assertEquals(0, batch.getStartOffset());
    assertTrue(batch.hasStartOffset());
    assertFalse(batch.hasChunkIndex(), "no chunk fields unless the client allows chunking");
    assertEquals(List.of(7L, 8L, 9L), Rpc.rows(rs));
    assertTrue(rs.get(2).hasResultComplete());
    String serverSide = rs.get(0).getServerSideSessionId();
    assertFalse(serverSide.isEmpty());
    HashSet<String> ids = new HashSet<>();
    for (ExecutePlanResponse r : rs) {
      assertEquals(op, r.getOperationId());
      assertEquals(rpc.sessionId(), r.getSessionId());
      assertEquals(serverSide, r.getServerSideSessionId());
      UUID.fromString(r.getResponseId());
      ids.add(r.getResponseId());
    }
    assertEquals(3, ids.size(), "response ids are unique");
  }

  @Test
  void nonReattachableExecutionHasNoResultCompleteAndGetsAnOperationId() {
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.local(Ipc.ints(2, 0))).build());
    assertEquals(2, rs.size());
    assertTrue(rs.get(1).hasArrowBatch());
    UUID.fromString(rs.get(0).getOperationId());
    assertEquals(rs.get(0).getOperationId(), rs.get(1).getOperationId());
  }

  @Test
  void resultsAreCutIntoBatchesOfMaxRecordsPerBatch() {
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.range(25_000)).build());
    List<ExecutePlanResponse.ArrowBatch> batches = rs.stream().filter(ExecutePlanResponse::hasArrowBatch)
        .map(ExecutePlanResponse::getArrowBatch).toList();
    assertEquals(List.of(10_000L, 10_000L, 5_000L), batches.stream().map(b -> b.getRowCount()).toList());
    assertEquals(List.of(0L, 10_000L, 20_000L), batches.stream().map(b -> b.getStartOffset()).toList());
    assertEquals(LongStream.range(0, 25_000).boxed().toList(), Rpc.rows(rs));

    rpc.set("spark.sql.execution.arrow.maxRecordsPerBatch", "4000");
    List<ExecutePlanResponse> smaller = rpc.collect(rpc.execute(Rpc.range(10_000)).build());
    assertEquals(List.of(4000L, 4000L, 2000L), smaller.stream().filter(ExecutePlanResponse::hasArrowBatch)
        .map(r -> r.getArrowBatch().getRowCount()).toList());
  }

  @Test
  void chunkingSplitsBatchBytesWhenTheClientAllowsIt() {
    ExecutePlanRequest.RequestOption chunking = ExecutePlanRequest.RequestOption.newBuilder()
        .setResultChunkingOptions(ResultChunkingOptions.newBuilder().setAllowArrowBatchChunking(true)
            .setPreferredArrowChunkSize(16384)).build();
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.range(25_000)).addRequestOptions(chunking).build());
    List<ExecutePlanResponse.ArrowBatch> pieces = rs.stream().filter(ExecutePlanResponse::hasArrowBatch)
        .map(ExecutePlanResponse::getArrowBatch).toList();
    assertTrue(pieces.size() > 3);
    for (ExecutePlanResponse.ArrowBatch p : pieces) {
      assertTrue(p.getData().size() <= 16384);
      assertTrue(p.hasChunkIndex() && p.hasNumChunksInBatch());
    }
    assertEquals(0, pieces.get(0).getChunkIndex());
    assertEquals(10_000, pieces.get(0).getRowCount(), "every piece carries the batch's row count");
    assertEquals(LongStream.range(0, 25_000).boxed().toList(), Rpc.rows(rs));

    List<ExecutePlanResponse> tiny = rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).addRequestOptions(
        ExecutePlanRequest.RequestOption.newBuilder().setResultChunkingOptions(
            ResultChunkingOptions.newBuilder().setAllowArrowBatchChunking(true))).build());
    ExecutePlanResponse.ArrowBatch only = tiny.get(1).getArrowBatch();
    assertEquals(0, only.getChunkIndex());
    assertEquals(1, only.getNumChunksInBatch());
  }

  @Test
  void emptyResultSendsOneEmptyBatch() {
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.local(Ipc.ints(0, 0))).build());
    assertEquals(2, rs.size());
    ExecutePlanResponse.ArrowBatch b = rs.get(1).getArrowBatch();
    assertEquals(0, b.getRowCount());
    assertTrue(b.hasStartOffset());
    assertFalse(b.getData().isEmpty(), "the empty batch still carries the schema");
    assertEquals(List.of(), Ipc.values(b.getData().toByteArray()));
  }

  @Test
  void operationIdsAreCheckedAndNotReused() {
    Errors e = Errors.thrownBy(() -> rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).setOperationId("nope").build()))
        .expectClass("INVALID_HANDLE.FORMAT", "HY000");
    assertEquals("{\"handle\":\"nope\"}", e.params());

    String op = UUID.randomUUID().toString();
    Iterator<ExecutePlanResponse> running = t.blocking.executePlan(rpc.execute(Rpc.range(1_000_000)).setOperationId(op)
        .addRequestOptions(Rpc.reattachable()).build());
    running.next();
    Errors.thrownBy(() -> rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).setOperationId(op).build()))
        .expectClass("INVALID_HANDLE.OPERATION_ALREADY_EXISTS", "HY000");
    t.blocking.releaseExecute(release(op).setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
    Errors.thrownBy(() -> rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).setOperationId(op).build()))
        .expectClass("INVALID_HANDLE.OPERATION_ABANDONED", "HY000");
    Errors.thrownBy(() -> drain(running)).expectClass("INVALID_CURSOR.DISCONNECTED", "HY109");
    Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(op).build())))
        .expectClass("INVALID_HANDLE.OPERATION_NOT_FOUND", "HY000");
  }

  /**
   * SRV-SEM-014: an ExecutePlan repeating the id of a kept reattachable operation with the same
   * plan gets its responses again (same ids, the plan not run again); with another plan the id is taken.
   */
  @Test
  void theSameIdWithTheSamePlanReplaysAndWithAnotherPlanIsTaken() {
    String op = UUID.randomUUID().toString();
    ExecutePlanRequest first = rpc.execute(Rpc.local(Ipc.ints(3, 0))).setOperationId(op)
        .addRequestOptions(Rpc.reattachable()).build();
    List<ExecutePlanResponse> original = rpc.collect(first);
    assertTrue(original.get(original.size() - 1).hasResultComplete());
    List<ExecutePlanResponse> again = rpc.collect(first);
    assertEquals(original.stream().map(ExecutePlanResponse::getResponseId).toList(),
        again.stream().map(ExecutePlanResponse::getResponseId).toList(), "the same responses, not a second run");
    assertEquals(Rpc.rows(original), Rpc.rows(again));
    Errors e = Errors.thrownBy(() -> rpc.collect(rpc.execute(Rpc.local(Ipc.ints(2, 0))).setOperationId(op)
        .addRequestOptions(Rpc.reattachable()).build()))
        .expectClass("INVALID_HANDLE.OPERATION_ALREADY_EXISTS", "HY000");
    assertEquals("{\"handle\":\"" + op + "\"}", e.params());
    t.blocking.releaseExecute(release(op).setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
    Errors.thrownBy(() -> rpc.collect(first)).expectClass("INVALID_HANDLE.OPERATION_ABANDONED", "HY000");
  }

  @Test
  void releasingARunningOperationDisconnectsItsStream() {
    for (int i = 0; i < 5; i++) { // the release races with production; the answer must not depend on it
      String op = UUID.randomUUID().toString();
      Iterator<ExecutePlanResponse> running = t.blocking.executePlan(rpc.execute(Rpc.range(100_000_000))
          .setOperationId(op).addRequestOptions(Rpc.reattachable()).build());
      running.next();
      t.blocking.releaseExecute(release(op).setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
      Errors.thrownBy(() -> drain(running)).expectClass("INVALID_CURSOR.DISCONNECTED", "HY109");
    }
  }

  @Test
  void planWithoutARelationIsRefusedLikeSpark() throws Exception {
    Errors e = Errors.thrownBy(() -> rpc.collect(ExecutePlanRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setPlan(Plan.getDefaultInstance()).build()))
        .expectClass("CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET", "56K00");
    assertEquals("[CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET] The Spark Connect plan is invalid. This oneOf"
        + " field in spark.connect.Plan is not set: OPTYPE_NOT_SET SQLSTATE: 56K00", e.description());
    assertEquals("{\"fullName\":\"spark.connect.Plan\",\"name\":\"OPTYPE_NOT_SET\"}", e.params());

    try (TestServer old = new TestServer(dir.resolve("41"), b -> b.errorStyle(ErrorStyle.SPARK_4_1))) {
      Rpc r41 = new Rpc(old, TestServer.newSessionId());
      Errors e41 = Errors.thrownBy(() -> r41.collect(ExecutePlanRequest.newBuilder().setSessionId(r41.sessionId())
          .setUserContext(TestServer.USER).setPlan(Plan.getDefaultInstance()).build()));
      assertEquals("OPTYPE_NOT_SET not supported.", e41.description());
      assertEquals("java.lang.UnsupportedOperationException", e41.info().getReason());
      Errors rel41 = Errors.thrownBy(() -> r41.collect(r41.execute(Relation.getDefaultInstance()).build()))
          .expectClass("INTERNAL_ERROR", "XX000");
      assertEquals("[INTERNAL_ERROR] This oneOf field in spark.connect.Relation is not set: RELTYPE_NOT_SET"
          + " SQLSTATE: XX000", rel41.description());
    }
  }

  @Test
  void aRootRelationOfAnUnknownKindIsRefused() {
    Errors e = Errors.thrownBy(() -> rpc.collect(rpc.execute(Relation.getDefaultInstance()).build()))
        .expectClass("CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET", "56K00");
    assertEquals("[CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET] The Spark Connect plan is invalid. This oneOf"
        + " field in spark.connect.Relation is not set: RELTYPE_NOT_SET SQLSTATE: 56K00", e.description());
  }

  @Test
  void compressedRelationsAreDecompressed() {
    Relation rel = Rpc.local(Ipc.ints(4, 0));
    Plan.CompressedOperation.Builder compressed = Plan.CompressedOperation.newBuilder()
        .setData(ByteString.copyFrom(Zstd.compress(rel.toByteArray())))
        .setOpType(Plan.CompressedOperation.OpType.OP_TYPE_RELATION)
        .setCompressionCodec(CompressionCodec.COMPRESSION_CODEC_ZSTD);
    ExecutePlanRequest.Builder req = ExecutePlanRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER);
    assertEquals(List.of(0L, 1L, 2L, 3L),
        Rpc.rows(rpc.collect(req.setPlan(Plan.newBuilder().setCompressedOperation(compressed)).build())));

    Errors e = Errors.thrownBy(() -> rpc.collect(req.setPlan(Plan.newBuilder().setCompressedOperation(
        compressed.clone().setData(ByteString.copyFrom(new byte[] {1, 2, 3})))).build()))
        .expectClass("CONNECT_INVALID_PLAN.CANNOT_PARSE", "56K00");
    assertTrue(e.description().startsWith("[CONNECT_INVALID_PLAN.CANNOT_PARSE] The Spark Connect plan is invalid."
        + " Cannot decompress or parse the input plan ("), e.description());
    assertEquals("org.apache.spark.SparkSQLException", e.info().getReason());

    e = Errors.thrownBy(() -> rpc.collect(req.setPlan(Plan.newBuilder().setCompressedOperation(
        compressed.clone().setCompressionCodec(CompressionCodec.COMPRESSION_CODEC_UNSPECIFIED))).build()))
        .expectClass("CONNECT_INVALID_PLAN.INVALID_ENUM", "56K00");
    assertEquals("{\"fullName\":\"spark.connect.CompressionCodec\",\"name\":\"COMPRESSION_CODEC_UNSPECIFIED\","
        + "\"number\":\"0\"}", e.params());
  }

  @Test
  void reattachResumesAfterTheLastResponseAndReleaseDropsResponses() {
    String op = UUID.randomUUID().toString();
    Iterator<ExecutePlanResponse> first = t.blocking.executePlan(rpc.execute(Rpc.range(30_000)).setOperationId(op)
        .addRequestOptions(Rpc.reattachable()).build());
    ExecutePlanResponse schema = first.next();
    ExecutePlanResponse batch1 = first.next();
    assertEquals(0, batch1.getArrowBatch().getStartOffset());

    // A new attachment takes over from the response after batch1; the old call is disconnected.
    List<ExecutePlanResponse> rest = drain(t.blocking.reattachExecute(reattach(op)
        .setLastResponseId(batch1.getResponseId()).build()));
    assertEquals(List.of(10_000L, 20_000L), rest.stream().filter(ExecutePlanResponse::hasArrowBatch)
        .map(r -> r.getArrowBatch().getStartOffset()).toList());
    assertTrue(rest.get(rest.size() - 1).hasResultComplete());
    // The old call ends DISCONNECTED, unless the transport had already carried all of it (a small
    // result fits the flow-control window): then it must be the complete result, nothing less.
    try {
      List<ExecutePlanResponse> tail = drain(first);
      assertTrue(!tail.isEmpty() && tail.get(tail.size() - 1).hasResultComplete(),
          "an old stream that was not disconnected must have ended with ResultComplete");
    } catch (io.grpc.StatusRuntimeException disconnected) {
      Errors.thrownBy(() -> {
        throw disconnected;
      }).expectClass("INVALID_CURSOR.DISCONNECTED", "HY109");
    }

    // The retained responses can be sent again.
    List<ExecutePlanResponse> again = drain(t.blocking.reattachExecute(reattach(op).build()));
    assertEquals(schema.getResponseId(), again.get(0).getResponseId());

    ReleaseExecuteResponse released = t.blocking.releaseExecute(release(op).setReleaseUntil(
        ReleaseExecuteRequest.ReleaseUntil.newBuilder().setResponseId(batch1.getResponseId())).build());
    assertEquals(op, released.getOperationId());
    Errors e = Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(op).build())))
        .expectClass("INVALID_CURSOR.POSITION_NOT_AVAILABLE", "HY109");
    assertEquals("{\"index\":\"1\",\"responseId\":\"" + schema.getResponseId() + "\"}", e.params());
    assertEquals(3, drain(t.blocking.reattachExecute(reattach(op).setLastResponseId(batch1.getResponseId())
        .build())).size(), "two batches and ResultComplete after the released ones");

    Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(op).setLastResponseId("nope").build())))
        .expectClass("INVALID_CURSOR.POSITION_NOT_FOUND", "HY109");
    Errors.thrownBy(() -> t.blocking.releaseExecute(release(op).setReleaseUntil(
        ReleaseExecuteRequest.ReleaseUntil.newBuilder().setResponseId("nope")).build()))
        .expectClass("INVALID_CURSOR.POSITION_NOT_FOUND", "HY109");

    t.blocking.releaseExecute(release(op).setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
    Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(op).build())))
        .expectClass("INVALID_HANDLE.OPERATION_NOT_FOUND", "HY000");
    ReleaseExecuteResponse unknown = t.blocking.releaseExecute(release(UUID.randomUUID().toString())
        .setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
    assertFalse(unknown.hasOperationId(), "an unknown operation is not an error");
    assertEquals(t.planner.resultsOpened.get(), t.planner.resultsClosed.get(), "every result was closed");
  }

  @Test
  void reattachingANonReattachableOrUnknownOperationFails() {
    rpc.get("spark.sql.session.timeZone"); // the session exists
    Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(UUID.randomUUID().toString()).build())))
        .expectClass("INVALID_HANDLE.OPERATION_NOT_FOUND", "HY000");
    Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(UUID.randomUUID().toString())
        .setSessionId(TestServer.newSessionId()).build()))).expectClass("INVALID_HANDLE.SESSION_NOT_FOUND", "HY000");
    String op = UUID.randomUUID().toString();
    Iterator<ExecutePlanResponse> running = t.blocking.executePlan(rpc.execute(Rpc.range(1_000_000))
        .setOperationId(op).build());
    running.next();
    Errors.thrownBy(() -> drain(t.blocking.reattachExecute(reattach(op).build())))
        .expectClass("INVALID_CURSOR.NOT_REATTACHABLE", "HY109");
  }

  @Test
  void planningErrorsEndTheStreamAndCanBeFetched() {
    Relation missing = Relation.newBuilder().setChunkedCachedLocalRelation(
        dev.cclr.proto.ChunkedCachedLocalRelation.newBuilder().addDataHashes("absent")).build();
    Errors e = Errors.thrownBy(() -> rpc.collect(rpc.execute(missing).build()))
        .expectClass("CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION", "56K00");
    assertTrue(e.description().contains("in the session with sessionUUID "));
    dev.cclr.proto.FetchErrorDetailsResponse details = t.blocking.fetchErrorDetails(
        dev.cclr.proto.FetchErrorDetailsRequest.newBuilder().setSessionId(rpc.sessionId())
            .setUserContext(TestServer.USER).setErrorId(e.errorId()).build());
    assertEquals(e.description(), details.getErrors(0).getMessage());
    assertEquals("absent", details.getErrors(0).getSparkThrowable().getMessageParametersOrThrow("hash"));
  }

  @Test
  void analyzeReturnsTheSchemaAndTheVersion() throws Exception {
    AnalyzePlanResponse schema = t.blocking.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setSchema(AnalyzePlanRequest.Schema.newBuilder()
            .setPlan(Plan.newBuilder().setRoot(Rpc.local(Ipc.ints(3, 0))))).build());
    assertEquals("id", schema.getSchema().getSchema().getStruct().getFields(0).getName());
    assertTrue(schema.getSchema().getSchema().getStruct().getFields(0).getDataType().hasInteger());
    assertFalse(schema.getServerSideSessionId().isEmpty());
    assertEquals(t.planner.resultsOpened.get(), t.planner.resultsClosed.get());

    AnalyzePlanResponse version = t.blocking.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance()).build());
    assertEquals("4.2.0", version.getSparkVersion().getVersion());

    Errors e = Errors.thrownBy(() -> t.blocking.analyzePlan(AnalyzePlanRequest.newBuilder()
        .setSessionId(rpc.sessionId()).setUserContext(TestServer.USER).build()))
        .expectClass("CONNECT_INVALID_PLAN.UNKNOWN_ANALYZE_METHOD", "56K00");
    assertEquals("{\"other\":\"ANALYZE_NOT_SET\"}", e.params());

    // Spark reads an analysed plan's root without checking the plan's kind.
    Errors empty = Errors.thrownBy(() -> t.blocking.analyzePlan(AnalyzePlanRequest.newBuilder()
        .setSessionId(rpc.sessionId()).setUserContext(TestServer.USER)
        .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(Plan.getDefaultInstance())).build()))
        .expectClass("CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET", "56K00");
    assertEquals("{\"fullName\":\"spark.connect.Relation\",\"name\":\"RELTYPE_NOT_SET\"}", empty.params());
  }

  @Test
  void interruptCancelsRunningOperationsAndGetStatusReportsStates() {
    String op = UUID.randomUUID().toString();
    Iterator<ExecutePlanResponse> running = t.blocking.executePlan(rpc.execute(Rpc.range(10_000_000))
        .setOperationId(op).addRequestOptions(Rpc.reattachable()).build());
    running.next();
    String done = rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).build()).get(0).getOperationId();

    GetStatusRequest statusReq = GetStatusRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setOperationStatus(GetStatusRequest.OperationStatusRequest.newBuilder()
            .addOperationIds(op).addOperationIds(done).addOperationIds(UUID.randomUUID().toString())).build();
    assertEquals(List.of(OperationState.OPERATION_STATE_RUNNING, OperationState.OPERATION_STATE_SUCCEEDED,
            OperationState.OPERATION_STATE_UNKNOWN),
        t.blocking.getStatus(statusReq).getOperationStatusesList().stream().map(s -> s.getState()).toList());

    dev.cclr.proto.InterruptResponse ir = t.blocking.interrupt(dev.cclr.proto.InterruptRequest.newBuilder()
        .setSessionId(rpc.sessionId()).setUserContext(TestServer.USER)
        .setInterruptType(dev.cclr.proto.InterruptRequest.InterruptType.INTERRUPT_TYPE_ALL).build());
    assertEquals(List.of(op), ir.getInterruptedIdsList());
    Errors.thrownBy(() -> drain(running)).expectClass("OPERATION_CANCELED", "HY008");
    assertEquals(OperationState.OPERATION_STATE_CANCELLED,
        t.blocking.getStatus(statusReq).getOperationStatuses(0).getState());

    Errors.thrownBy(() -> t.blocking.interrupt(dev.cclr.proto.InterruptRequest.newBuilder()
        .setSessionId(rpc.sessionId()).setUserContext(TestServer.USER).build()))
        .expectClass("UNSUPPORTED_FEATURE.INTERRUPT_TYPE", "0A000");
  }

  @Test
  void releasingTheSessionEndsItsOperations() {
    String op = UUID.randomUUID().toString();
    Iterator<ExecutePlanResponse> running = t.blocking.executePlan(rpc.execute(Rpc.range(10_000_000))
        .setOperationId(op).addRequestOptions(Rpc.reattachable()).build());
    running.next();
    t.blocking.releaseSession(dev.cclr.proto.ReleaseSessionRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).build());
    Errors.thrownBy(() -> drain(running)).expectClass("INVALID_CURSOR.DISCONNECTED", "HY109");
    assertEquals(t.planner.resultsOpened.get(), t.planner.resultsClosed.get());
    assertNotEquals(0, t.planner.resultsOpened.get());
  }
}
