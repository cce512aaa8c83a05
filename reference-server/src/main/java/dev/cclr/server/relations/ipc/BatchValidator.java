package dev.cclr.server.relations.ipc;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.validate.ValidateUtil.ValidateException;

/**
 * Checks a freshly loaded batch before anyone reads it or passes its buffers on: every buffer
 * large enough for the value count, offsets non-negative, non-decreasing and inside the data,
 * struct children as long as their struct. Arrow's own validators are not used: in Arrow Java 19
 * they reject DECIMAL(38, x) values with 38 digits and maps (checked as lists).
 */
final class BatchValidator {

  private BatchValidator() {}

  static void validate(VectorSchemaRoot root) {
    for (FieldVector v : root.getFieldVectors()) {
      check(v, root.getRowCount());
    }
  }

  private static void check(FieldVector v, int expectedCount) {
    int n = v.getValueCount();
    require(n >= expectedCount, v, "fewer values than rows");
    if (v instanceof NullVector || n == 0) {
      return;
    }
    long validityBytes = (n + 7L) / 8;
    require(v.getValidityBuffer().capacity() >= validityBytes, v, "validity buffer too small");
    if (v instanceof BitVector) {
      require(v.getDataBuffer().capacity() >= validityBytes, v, "data buffer too small");
    } else if (v instanceof BaseFixedWidthVector f) {
      require(f.getDataBuffer().capacity() >= (long) n * f.getTypeWidth(), v,
          "data buffer too small");
    } else if (v instanceof BaseVariableWidthVector w) {
      checkIntOffsets(w.getOffsetBuffer(), n, w.getDataBuffer().capacity(), v);
    } else if (v instanceof BaseLargeVariableWidthVector w) {
      checkLongOffsets(w.getOffsetBuffer(), n, w.getDataBuffer().capacity(), v);
    } else if (v instanceof ListVector l) {
      checkIntOffsets(l.getOffsetBuffer(), n, l.getDataVector().getValueCount(), v);
      check(l.getDataVector(), 0);
    } else if (v instanceof StructVector s) {
      for (FieldVector child : s.getChildrenFromFields()) {
        check(child, n);
      }
    }
  }

  private static void checkIntOffsets(ArrowBuf offsets, int n, long limit, FieldVector v) {
    require(offsets.capacity() >= (n + 1L) * 4, v, "offset buffer too small");
    int prev = offsets.getInt(0);
    require(prev >= 0, v, "negative first offset");
    for (int i = 1; i <= n; i++) {
      int cur = offsets.getInt((long) i * 4);
      require(cur >= prev, v, "decreasing offsets");
      prev = cur;
    }
    require(prev <= limit, v, "offsets beyond the data");
  }

  private static void checkLongOffsets(ArrowBuf offsets, int n, long limit, FieldVector v) {
    require(offsets.capacity() >= (n + 1L) * 8, v, "offset buffer too small");
    long prev = offsets.getLong(0);
    require(prev >= 0, v, "negative first offset");
    for (int i = 1; i <= n; i++) {
      long cur = offsets.getLong((long) i * 8);
      require(cur >= prev, v, "decreasing offsets");
      prev = cur;
    }
    require(prev <= limit, v, "offsets beyond the data");
  }

  private static void require(boolean ok, FieldVector v, String problem) {
    if (!ok) {
      throw new ValidateException("Invalid vector " + v.getField().getName() + ": " + problem
          + ".");
    }
  }
}
