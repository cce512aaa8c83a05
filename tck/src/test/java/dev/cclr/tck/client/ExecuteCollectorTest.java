package dev.cclr.tck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.ExecutePlanResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

/** The result-stream rules PySpark enforces (SRV-SEM-009), as the collector checks them. */
class ExecuteCollectorTest {

  @Test
  void batchesThatMatchTheirRowCountsAndOffsetsHaveNoProblem() throws IOException {
    ExecuteCollector c = new ExecuteCollector("op", Optional.empty());
    c.accept(batch("r1", 2, 0L, stream(List.of(2))));
    c.accept(batch("r2", 3, 2L, stream(List.of(3))));
    c.accept(batch("r3", 0, 5L, stream(List.of())));
    assertEquals(List.of(), problems(c));
  }

  @Test
  void aRowCountThatIsNotTheDatasIsAProblem() throws IOException {
    ExecuteCollector c = new ExecuteCollector("op", Optional.empty());
    c.accept(batch("r1", 3, null, stream(List.of(2))));
    assertEquals(List.of("an Arrow batch declares row_count 3 but its data holds 2 rows"), problems(c));
  }

  @Test
  void aWrongStartOffsetIsAProblem() throws IOException {
    ExecuteCollector c = new ExecuteCollector("op", Optional.empty());
    c.accept(batch("r1", 2, 0L, stream(List.of(2))));
    c.accept(batch("r2", 2, 0L, stream(List.of(2))));
    assertEquals(List.of("an Arrow batch declares start_offset 0 after 2 rows"), problems(c));
  }

  @Test
  void rowsSpreadOverSeveralRecordBatchesOfOneArrowBatchAreAProblem() throws IOException {
    ExecuteCollector c = new ExecuteCollector("op", Optional.empty());
    c.accept(batch("r1", 4, null, stream(List.of(2, 2))));
    List<String> problems = problems(c);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("several record batches [2, 2]"), problems.toString());
  }

  /** SRV-SEM-015: the pieces of one batch join in order, and each repeats the batch's row_count and start_offset. */
  @Test
  void piecesOfOneBatchJoinWhenEachDescribesTheWholeBatch() throws IOException {
    byte[] data = stream(List.of(3));
    ExecuteCollector c = new ExecuteCollector("op", Optional.empty());
    c.accept(piece("r1", 3, 0L, data, 0, 2, 0, 10));
    c.accept(piece("r2", 3, 0L, data, 1, 2, 10, data.length));
    ExecuteResult result = c.finish(0, Optional.empty(), Optional.empty());
    assertEquals(List.of(), result.protocolProblems());
    assertEquals(1, result.batches().size());
    assertEquals(ByteString.copyFrom(data), result.batches().get(0).data());
  }

  @Test
  void aPieceWithAnotherRowCountOrStartOffsetIsAProblem() throws IOException {
    byte[] data = stream(List.of(3));
    ExecuteCollector c = new ExecuteCollector("op", Optional.empty());
    c.accept(piece("r1", 3, 0L, data, 0, 3, 0, 10));
    c.accept(piece("r2", 0, 0L, data, 1, 3, 10, 20));
    c.accept(piece("r3", 3, null, data, 2, 3, 20, data.length));
    assertEquals(List.of(
        "Arrow batch chunk 1 declares row_count 0 and start_offset 0, but chunk 0 of its batch declared 3 and 0",
        "Arrow batch chunk 2 declares row_count 3 and start_offset (none), but chunk 0 of its batch declared 3 and 0"),
        problems(c));
  }

  private static ExecutePlanResponse piece(String responseId, long rowCount, Long startOffset, byte[] data,
      long index, long pieces, int from, int to) {
    ExecutePlanResponse whole = batch(responseId, rowCount, startOffset, data);
    return whole.toBuilder().setArrowBatch(whole.getArrowBatch().toBuilder()
        .setData(ByteString.copyFrom(data, from, to - from)).setChunkIndex(index).setNumChunksInBatch(pieces)).build();
  }

  private static List<String> problems(ExecuteCollector c) {
    return c.finish(0, Optional.empty(), Optional.empty()).protocolProblems();
  }

  private static ExecutePlanResponse batch(String responseId, long rowCount, Long startOffset, byte[] data) {
    ExecutePlanResponse.ArrowBatch.Builder b =
        ExecutePlanResponse.ArrowBatch.newBuilder().setRowCount(rowCount).setData(ByteString.copyFrom(data));
    if (startOffset != null) {
      b.setStartOffset(startOffset);
    }
    return ExecutePlanResponse.newBuilder().setOperationId("op").setResponseId(responseId).setArrowBatch(b).build();
  }

  /** One IPC stream of a bigint column with one record batch per entry of {@code rowsPerBatch}. */
  private static byte[] stream(List<Integer> rowsPerBatch) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        BigIntVector id = new BigIntVector("id", allocator);
        VectorSchemaRoot root = VectorSchemaRoot.of(id)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
        writer.start();
        for (int rows : rowsPerBatch) {
          id.allocateNew(rows);
          for (int i = 0; i < rows; i++) {
            id.set(i, i);
          }
          root.setRowCount(rows);
          writer.writeBatch();
        }
        writer.end();
      }
      return out.toByteArray();
    }
  }
}
