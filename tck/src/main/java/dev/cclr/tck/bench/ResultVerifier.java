package dev.cclr.tck.bench;

import dev.cclr.tck.client.ArrowResultBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Checks a result as it streams in, one batch at a time and never more: decodes each Arrow batch,
 * counts rows, and adds every row to a {@link BenchData.RowChecksum} (id, CRC32 of the string).
 * A null string, a wrong column type or a batch whose rows differ from its declared row count is
 * recorded as a problem.
 */
final class ResultVerifier implements Consumer<ArrowResultBatch>, AutoCloseable {
  private final BufferAllocator allocator = new RootAllocator();
  private final BenchData.RowChecksum checksum = new BenchData.RowChecksum();
  private final CRC32 crc = new CRC32();
  private byte[] scratch = new byte[1 << 20];
  private long bytes;
  private long batches;
  private String problem;

  @Override
  public void accept(ArrowResultBatch batch) {
    bytes += batch.data().size();
    batches++;
    long rowsBefore = checksum.rows();
    try (ArrowStreamReader reader = new ArrowStreamReader(
        // Straight from the response's bytes into Arrow's buffers: no stream buffer, no 8 KiB copies.
        new ByteBuffersChannel(batch.data().asReadOnlyByteBufferList()), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        add(root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode a result batch", e);
    }
    long rows = checksum.rows() - rowsBefore;
    if (rows != batch.declaredRowCount()) {
      problem("a result batch declared " + batch.declaredRowCount() + " rows and held " + rows);
    }
  }

  private void add(VectorSchemaRoot root) {
    if (root.getFieldVectors().size() != 2) {
      problem("the result has " + root.getFieldVectors().size() + " columns, expected 2");
      return;
    }
    FieldVector first = root.getVector(0);
    FieldVector second = root.getVector(1);
    if (!(first instanceof BigIntVector ids) || !(second instanceof VarCharVector strings)) {
      problem("the result's columns are " + first.getField() + ", " + second.getField());
      return;
    }
    int n = root.getRowCount();
    if (n == 0) {
      return;
    }
    ArrowBuf offsets = strings.getOffsetBuffer();
    int start = offsets.getInt(0);
    int end = offsets.getInt(4L * n);
    if (scratch.length < end - start) {
      scratch = new byte[Math.max(end - start, scratch.length * 2)];
    }
    strings.getDataBuffer().getBytes(start, scratch, 0, end - start);
    for (int i = 0; i < n; i++) {
      if (strings.isNull(i) || ids.isNull(i)) {
        problem("row " + (checksum.rows() + 1) + " has a null");
        checksum.add(ids.isNull(i) ? -1 : ids.get(i), 0);
        continue;
      }
      int from = offsets.getInt(4L * i);
      int to = offsets.getInt(4L * (i + 1));
      crc.reset();
      crc.update(scratch, from - start, to - from);
      checksum.add(ids.get(i), (int) crc.getValue());
    }
  }

  private void problem(String text) {
    if (problem == null) {
      problem = text;
    }
  }

  BenchData.RowChecksum checksum() {
    return checksum;
  }

  long bytes() {
    return bytes;
  }

  long batches() {
    return batches;
  }

  java.util.Optional<String> problem() {
    return java.util.Optional.ofNullable(problem);
  }

  @Override
  public void close() {
    allocator.close();
  }
}
