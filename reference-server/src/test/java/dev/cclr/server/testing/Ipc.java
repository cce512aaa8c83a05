package dev.cclr.server.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** Arrow IPC helpers for tests: write int columns, read back values and row counts. */
public final class Ipc {

  private Ipc() {}

  /** One IPC stream (schema, one batch, end) with an int column "id" holding start..start+n-1. */
  public static byte[] ints(int n, int start) {
    try (BufferAllocator al = new RootAllocator(); IntVector v = new IntVector("id", al)) {
      v.allocateNew(n);
      for (int i = 0; i < n; i++) {
        v.set(i, start + i);
      }
      v.setValueCount(n);
      try (VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(v))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
          w.start();
          w.writeBatch();
          w.end();
        }
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** All values of the first column of an IPC stream, as longs; asserts one batch per stream. */
  public static List<Long> values(byte[] stream) {
    List<Long> out = new ArrayList<>();
    try (BufferAllocator al = new RootAllocator();
         ArrowStreamReader r = new ArrowStreamReader(new ByteArrayInputStream(stream), al)) {
      int batches = 0;
      while (r.loadNextBatch()) {
        batches++;
        FieldVector v = r.getVectorSchemaRoot().getVector(0);
        for (int i = 0; i < v.getValueCount(); i++) {
          out.add(v instanceof BigIntVector b ? b.get(i) : (long) ((IntVector) v).get(i));
        }
      }
      if (batches > 1) {
        throw new AssertionError("expected at most one batch per ArrowBatch, got " + batches);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
