package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.server.errors.SparkError;
import java.util.Arrays;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/** Corrupt or truncated input never makes the reader allocate what the input cannot hold. */
class AllocationBoundsTest extends PlannerTestBase {

  private byte[] bigBatch() {
    int n = 1 << 20;
    return Ipc.stream(allocator, Ipc.schema(Ipc.field("x", true, new ArrowType.Int(32, true))),
        root -> {
          IntVector v = (IntVector) root.getVector(0);
          for (int i = 0; i < n; i++) {
            v.setSafe(i, i);
          }
          root.setRowCount(n);
        });
  }

  @Test
  void aBodyLongerThanTheRemainingBytesIsNotAllocated() {
    // With a 1 MiB budget, allocating the 4 MiB body would fail with an out-of-memory error;
    // the truncation is noticed first and reported as Arrow reports a short body.
    planner = new ReferenceRelationPlanner(new PlannerOptions(false, 1L << 20));
    byte[] full = bigBatch();
    blobs.put("cut", Arrays.copyOf(full, full.length / 2));
    try (RelationResult result = planner.plan(chunked(null, "cut"), context)) {
      SparkError e = assertThrows(SparkError.class, result::nextBatch);
      assertEquals("java.io.IOException", e.reason());
      assertEquals("Unexpected end of input trying to read batch.", e.text());
    }
  }

  @Test
  void aBatchAboveTheMemoryBudgetFailsCleanly() {
    planner = new ReferenceRelationPlanner(new PlannerOptions(false, 1L << 20));
    blobs.put("big", bigBatch());
    try (RelationResult result = planner.plan(chunked(null, "big"), context)) {
      SparkError e = assertThrows(SparkError.class, result::nextBatch);
      assertEquals("org.apache.arrow.memory.OutOfMemoryException", e.reason());
    }
  }

  @Test
  void aNegativeMetadataLengthFailsAsInArrow() {
    blobs.put("neg", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        0, 0, 0, (byte) 0x80, 1, 2, 3, 4});
    SparkError e = planningError(chunked(null, "neg"));
    assertEquals("java.lang.IllegalArgumentException", e.reason());
  }

  @Test
  void garbageOffsetsAreRejectedBeforeAnyoneReadsThem() {
    byte[] ok = Ipc.stream(allocator, Ipc.schema(Ipc.field("s", true, ArrowType.Utf8.INSTANCE)),
        root -> {
          ((org.apache.arrow.vector.VarCharVector) root.getVector(0)).setSafe(0, "abc".getBytes());
          ((org.apache.arrow.vector.VarCharVector) root.getVector(0)).setSafe(1, "de".getBytes());
          root.setRowCount(2);
        });
    // Corrupt the last offset (3 + 2 = 5) into a huge value: find the little-endian int 5
    // following the int 3 in the body.
    byte[] bad = ok.clone();
    for (int i = 0; i + 12 <= bad.length; i++) {
      if (bad[i] == 0 && bad[i + 4] == 3 && bad[i + 8] == 5 && bad[i + 1] == 0
          && bad[i + 5] == 0 && bad[i + 9] == 0) {
        bad[i + 11] = 0x7F;
        break;
      }
    }
    blobs.put("bad", bad);
    try (RelationResult result = planner.plan(chunked(null, "bad"), context)) {
      SparkError e = assertThrows(SparkError.class, result::nextBatch);
      assertEquals("org.apache.arrow.vector.validate.ValidateUtil$ValidateException", e.reason());
    }
  }
}
