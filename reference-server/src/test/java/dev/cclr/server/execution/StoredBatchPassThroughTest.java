package dev.cclr.server.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.protobuf.ByteString;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.proto.Relation;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches that need no conversion reach the client as they were stored: the stored record batch
 * messages here carry a custom-metadata marker that Arrow's writer would never produce, so
 * finding it in a response proves the batch was not decoded and encoded again. Batches that must
 * be converted or cut still go through the encoder. The real planner is used (the test planner
 * computes its batches).
 */
class StoredBatchPassThroughTest {

  private static final String MARKER = "cclr-stored-as-is";

  @TempDir Path dir;
  private TestServer t;
  private Rpc rpc;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(dir, b -> b.planner(new ReferenceRelationPlanner()));
    rpc = new Rpc(t, TestServer.newSessionId());
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  @Test
  void batchesNeedingNoConversionAreSentAsStoredWithTheirRowCounts() {
    byte[] stream = markedStream(List.of(3, 5, 4), 10);
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.local(stream)).build());
    List<ExecutePlanResponse.ArrowBatch> batches = batches(rs);
    assertEquals(List.of(3L, 5L, 4L), batches.stream().map(b -> b.getRowCount()).toList(),
        "row counts come from the stored batches' metadata");
    assertEquals(List.of(0L, 3L, 8L), batches.stream().map(b -> b.getStartOffset()).toList());
    for (ExecutePlanResponse.ArrowBatch b : batches) {
      assertTrue(containsMarker(b.getData()), "the stored message reaches the client as it is");
    }
    assertEquals(LongStream.range(10, 22).boxed().toList(), Rpc.rows(rs));
    assertEquals(0, t.server.arrowMemoryInUse(), "nothing pinned after the execution");
  }

  @Test
  void aBatchOverTheRecordLimitIsCutByTheEncoderInstead() {
    rpc.set("spark.sql.execution.arrow.maxRecordsPerBatch", "4");
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(Rpc.local(markedStream(List.of(3, 6), 0))).build());
    List<ExecutePlanResponse.ArrowBatch> batches = batches(rs);
    assertEquals(List.of(3L, 4L, 2L), batches.stream().map(b -> b.getRowCount()).toList());
    assertTrue(containsMarker(batches.get(0).getData()), "the batch that fits is sent as stored");
    assertFalse(containsMarker(batches.get(1).getData()), "the one over the limit is encoded");
    assertEquals(LongStream.range(0, 9).boxed().toList(), Rpc.rows(rs));
  }

  @Test
  void anAppliedSchemaGoesThroughTheEncoder() {
    Relation renamed = Relation.newBuilder().setLocalRelation(dev.cclr.proto.LocalRelation.newBuilder()
        .setData(ByteString.copyFrom(markedStream(List.of(2), 0))).setSchema("other BIGINT")).build();
    List<ExecutePlanResponse> rs = rpc.collect(rpc.execute(renamed).build());
    assertFalse(containsMarker(batches(rs).get(0).getData()));
    assertEquals(List.of(0L, 1L), Rpc.rows(rs));
  }

  /**
   * Responses sent as stored stay readable in the retry buffer after the producer has moved on
   * and the relation is closed: a reattach from the start gets the same bytes again.
   */
  @Test
  void storedBatchesKeptForReattachAreSentAgainIntact() {
    String op = UUID.randomUUID().toString();
    List<ExecutePlanResponse> first = rpc.collect(rpc.execute(Rpc.local(markedStream(List.of(2, 3, 4), 0)))
        .setOperationId(op).addRequestOptions(Rpc.reattachable()).build());
    assertTrue(first.get(first.size() - 1).hasResultComplete());
    assertTrue(t.server.arrowMemoryInUse() > 0, "the kept responses still hold the bodies they point into");
    List<ExecutePlanResponse> again = new ArrayList<>();
    t.blocking.reattachExecute(ReattachExecuteRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setOperationId(op).build()).forEachRemaining(again::add);
    assertEquals(first.size(), again.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i), again.get(i));
    }
    assertTrue(containsMarker(batches(again).get(0).getData()));
    assertEquals(LongStream.range(0, 9).boxed().toList(), Rpc.rows(again));
    t.blocking.releaseExecute(dev.cclr.proto.ReleaseExecuteRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setOperationId(op).setReleaseAll(
            dev.cclr.proto.ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
    assertEquals(0, t.server.arrowMemoryInUse(), "released with the operation");
  }

  private static List<ExecutePlanResponse.ArrowBatch> batches(List<ExecutePlanResponse> rs) {
    return rs.stream().filter(ExecutePlanResponse::hasArrowBatch).map(ExecutePlanResponse::getArrowBatch).toList();
  }

  private static boolean containsMarker(ByteString data) {
    return new String(data.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(MARKER);
  }

  /**
   * An IPC stream with a non-null BIGINT column "id" counting from {@code start}, one batch per
   * size, each record batch message carrying custom metadata (Arrow's writer writes none).
   */
  static byte[] markedStream(List<Integer> sizes, long start) {
    try (BufferAllocator al = new RootAllocator();
        BigIntVector v = new BigIntVector(new org.apache.arrow.vector.types.pojo.Field("id",
            org.apache.arrow.vector.types.pojo.FieldType.notNullable(
                new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)), null), al);
        VectorSchemaRoot root = new VectorSchemaRoot(List.of(v))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      WriteChannel out = new WriteChannel(Channels.newChannel(bytes));
      MessageSerializer.serialize(out, root.getSchema());
      long next = start;
      for (int n : sizes) {
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          v.set(i, next++);
        }
        root.setRowCount(n);
        try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
          FlatBufferBuilder b = new FlatBufferBuilder();
          int header = batch.writeTo(b);
          int kv = KeyValue.createKeyValue(b, b.createString(MARKER), b.createString("yes"));
          int custom = Message.createCustomMetadataVector(b, new int[] {kv});
          Message.startMessage(b);
          Message.addHeaderType(b, MessageHeader.RecordBatch);
          Message.addHeader(b, header);
          Message.addVersion(b, MetadataVersion.V5);
          Message.addBodyLength(b, batch.computeBodyLength());
          Message.addCustomMetadata(b, custom);
          b.finish(Message.endMessage(b));
          ByteBuffer metadata = b.dataBuffer();
          MessageSerializer.writeMessageBuffer(out, metadata.remaining(), metadata);
          MessageSerializer.writeBatchBuffers(out, batch);
        }
      }
      out.writeIntLittleEndian(-1);
      out.writeIntLittleEndian(0);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theMarkedStreamIsAnOrdinaryArrowStream() {
    assertEquals(List.of(5L, 6L), Ipc.values(markedStream(List.of(2), 5)));
    assertArrayEquals(markedStream(List.of(1), 0), markedStream(List.of(1), 0));
  }
}
