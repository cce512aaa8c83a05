package dev.cclr.tck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.DataType;
import dev.cclr.proto.Relation;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.arrow.TableComparator;
import dev.cclr.tck.spark.SparkServerProcess;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The protocol client against one real Spark 4.2.0 Connect server shared by the class. The server
 * requires a bearer token (so every call proves the token travels) and ends every reattachable
 * response stream after its first bytes (so every execution proves reattaching works).
 */
@Tag("real-spark")
class ChunkedRelationAgainstSparkTest {
  private static final String JSON_SCHEMA =
      "{\"type\":\"struct\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}},"
          + "{\"name\":\"name\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";

  private static SparkServerProcess spark;
  private ConnectSession session;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkServerProcess.builder("4.2.0")
            .logFile(Path.of("target", "spark-logs", "ChunkedRelationAgainstSparkTest-4.2.0.log"))
            .authToken(UUID.randomUUID().toString())
            .conf("spark.connect.execute.reattachable.senderMaxStreamSize", "1")
            .start();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.close();
    }
  }

  @BeforeEach
  void openSession() {
    session = ConnectSession.open(spark.connectUri());
  }

  @AfterEach
  void closeSession() {
    session.close();
  }

  @Test
  void threeChunksAndAJsonSchemaComeBackAsTheSameRows() {
    List<byte[]> chunks =
        List.of(
            chunk(new Integer[] {1, 2}, new String[] {"a", null}),
            chunk(new Integer[] {3}, new String[] {"ç"}),
            chunk(new Integer[] {null, 5}, new String[] {"e", ""}));
    ChunkedUpload upload = ChunkedUpload.of(Optional.of(JSON_SCHEMA), chunks);

    ChunkedUpload.Result first = upload.upload(session);
    assertEquals(4, first.uploaded().size(), "schema and three chunks should have been missing");
    first.statusBefore().getStatusesMap().values().forEach(s -> assertFalse(s.getExists()));

    ExecuteResult result = session.execute(first.relation());
    assertTrue(result.succeeded(), () -> result.error().get().summary());
    assertTrue(result.resultComplete());
    assertEquals(List.of(), result.protocolProblems());
    assertTrue(result.reattaches() > 0, "the server was told to end streams early; no reattach happened");

    CanonicalTable expected = ArrowIpc.readAll(chunks);
    TableComparator.strict().assertSame(expected, result.table());
    assertEquals(5, result.declaredRowCount());

    DataType schema = session.analyzeSchema(first.relation());
    assertEquals(List.of("id", "name"),
        schema.getStruct().getFieldsList().stream().map(DataType.StructField::getName).toList());

    ChunkedUpload.Result second = upload.upload(session);
    assertEquals(List.of(), second.uploaded(), "the server already holds every blob");
    assertEquals(Optional.empty(), second.addResponse());
    System.out.printf("executed with %d responses and %d reattaches%n",
        result.responses().size(), result.reattaches());
  }

  @Test
  void aChunkLargerThan32KiBTravelsAsBeginChunkPlusChunks() {
    Integer[] ids = new Integer[20_000];
    String[] names = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
      names[i] = "n" + (i % 7);
    }
    byte[] big = chunk(ids, names);
    assertTrue(big.length > 2 * SparkArtifactFraming.CHUNK_SIZE, "chunk is only " + big.length + " bytes");

    ChunkedUpload upload = ChunkedUpload.of(Optional.of("id int, name string"), List.of(big));
    upload.upload(session);
    ExecuteResult result = session.execute(upload.relation()).requireSuccess();

    TableComparator.strict().assertSame(ArrowIpc.read(big), result.table());
  }

  @Test
  void emptyDataHashesIsAnInvalidPlanWithItsOwnErrorClass() {
    Relation empty =
        Relation.newBuilder()
            .setChunkedCachedLocalRelation(ChunkedCachedLocalRelation.getDefaultInstance())
            .build();
    ExecuteResult result = session.execute(empty);

    RemoteError error = result.error().orElseThrow(() -> new AssertionError("no error for empty dataHashes"));
    assertEquals(Status.Code.INTERNAL, error.code());
    assertEquals(Optional.of("CONNECT_INVALID_PLAN.CHUNKED_CACHED_LOCAL_RELATION_WITHOUT_DATA"), error.errorClass());
    assertEquals(Optional.of("56K00"), error.sqlState());
    assertEquals(Map.of(), error.messageParameters());
    SparkErrorInfo info = error.errorInfo().orElseThrow();
    assertEquals("org.apache.spark.sql.connect.common.InvalidPlanInput", info.reason());
    assertEquals("org.apache.spark", info.domain());
    assertTrue(info.classes().contains("java.lang.Exception"), info.classes().toString());
    assertTrue(info.errorId().isPresent(), "no errorId");
    assertTrue(error.description().contains("ChunkedCachedLocalRelation should contain data."), error.description());
  }

  @Test
  void aWrongCrcIsReportedAndTheArtifactIsNotStored() {
    String name = "cache/" + UUID.randomUUID();
    ByteString data = ByteString.copyFromUtf8("payload");
    AddArtifactsRequest wrongCrc =
        session.stamp(
            AddArtifactsRequest.newBuilder()
                .setBatch(
                    AddArtifactsRequest.Batch.newBuilder()
                        .addArtifacts(
                            AddArtifactsRequest.SingleChunkArtifact.newBuilder()
                                .setName(name)
                                .setData(
                                    AddArtifactsRequest.ArtifactChunk.newBuilder()
                                        .setData(data)
                                        .setCrc(SparkArtifactFraming.crc32(data) + 1))))
                .build());

    AddArtifactsResponse response = session.addArtifactsRaw(List.of(wrongCrc), StreamEnd.COMPLETE).orThrow();

    assertEquals(1, response.getArtifactsCount());
    assertFalse(response.getArtifacts(0).getIsCrcSuccessful());
    assertFalse(session.artifactStatus(List.of(name)).getStatusesMap().get(name).getExists());
  }

  @Test
  void withoutTheTokenTheServerRefuses() {
    ConnectUri noToken = ConnectUri.local(spark.port());
    try (ConnectSession anonymous = ConnectSession.open(noToken)) {
      RemoteErrorException e =
          assertThrows(RemoteErrorException.class, () -> anonymous.configGet("spark.sql.session.timeZone"));
      assertEquals(Status.Code.UNAUTHENTICATED, e.error().code(), e.error().summary());
    }
  }

  @Test
  void releaseSessionWorksOnlyWithMllibOnTheClasspath() {
    session.configGet("spark.sql.session.timeZone");
    if (spark.hasMllib()) {
      assertEquals(session.serverSideSessionId().orElseThrow(),
          session.releaseSession().getServerSideSessionId());
    } else {
      // Spark's session cleanup touches an MLlib class; without the jar it fails.
      RemoteErrorException e = assertThrows(RemoteErrorException.class, session::releaseSession);
      assertEquals(Status.Code.UNKNOWN, e.error().code(), e.error().summary());
      assertTrue(e.error().description().contains("org/apache/spark/ml/"), e.error().summary());
    }
  }

  private static byte[] chunk(Integer[] ids, String[] names) {
    try (BufferAllocator allocator = new RootAllocator();
        IntVector id = new IntVector("id", allocator);
        VarCharVector name = new VarCharVector("name", allocator)) {
      id.allocateNew(ids.length);
      name.allocateNew(ids.length);
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] != null) {
          id.set(i, ids[i]);
        }
        if (names[i] != null) {
          name.setSafe(i, names[i].getBytes(StandardCharsets.UTF_8));
        }
      }
      id.setValueCount(ids.length);
      name.setValueCount(ids.length);
      try (VectorSchemaRoot root = new VectorSchemaRoot(List.<org.apache.arrow.vector.FieldVector>of(id, name))) {
        return ArrowIpc.write(root);
      }
    }
  }
}
