package dev.cclr.server.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class BatchRowsTest {

  /** 4096 rows of (id, 1000-character string), the bench's batch: about 4.1 MB encoded. */
  private static VectorSchemaRoot wide(BufferAllocator allocator, int rows) {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector s = new VarCharVector("s", allocator);
    id.allocateNew(rows);
    s.allocateNew(rows * 1000L, rows);
    byte[] text = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < rows; i++) {
      id.set(i, i);
      s.setSafe(i, text);
    }
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, s));
    root.setRowCount(rows);
    return root;
  }

  @Test
  void oneEncodingFitsUnderTheLimitAndFillsMostOfIt() {
    long limit = (long) (0.7 * (4 << 20));
    try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = wide(allocator, 4096)) {
      assertTrue(ArrowIpc.encode(root, 0, 4096).size() > limit, "the whole batch is over the limit");
      int rows = BatchRows.fitting(4096, root, limit);
      long bytes = ArrowIpc.encode(root, 0, rows).size();
      assertTrue(bytes <= limit, rows + " rows are " + bytes + " bytes, over " + limit);
      // Halving would give 2048 rows (2.1 MB); the estimate fills the batch to about 90% of the limit.
      assertTrue(bytes > 0.8 * limit, rows + " rows are only " + bytes + " bytes of " + limit);
    }
  }

  @Test
  void smallBatchesAndSingleRowsAreLeftAlone() {
    try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = wide(allocator, 10)) {
      assertEquals(10, BatchRows.fitting(10, root, 1 << 20));
      assertEquals(1, BatchRows.fitting(1, root, 10), "one row is sent whatever its size");
      assertEquals(1, BatchRows.fitting(10, root, 10), "at least one row");
    }
  }

  @Test
  void shrinkCutsInProportionAndAlwaysMakesProgress() {
    assertEquals(900, BatchRows.shrink(1000, 2000, 2000));
    assertEquals(450, BatchRows.shrink(1000, 4000, 2000));
    assertEquals(899, BatchRows.shrink(1000, 1001, 1000), "aims below the limit, not just under the last size");
    assertEquals(1, BatchRows.shrink(2, 1 << 30, 10));
  }
}
