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
