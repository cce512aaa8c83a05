package dev.cclr.tck.cases;

import dev.cclr.tck.client.ArrowResultBatch;
import dev.cclr.tck.fixtures.FixtureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Counts the rows of a result and sums one int64 column as the batches arrive, keeping nothing:
 * how a case checks a relation larger than the TCK's heap (the {@code large} cases).
 */
final class StreamedRows implements Consumer<ArrowResultBatch>, AutoCloseable {
  private final String column;
  private final BufferAllocator allocator = new RootAllocator();
  private long rows;
  private long sum;
  private long bytes;

  StreamedRows(String column) {
    this.column = column;
  }

  @Override
  public void accept(ArrowResultBatch batch) {
    bytes += batch.data().size();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(batch.data().toByteArray()), allocator)) {
      while (reader.loadNextBatch()) {
        FieldVector v = reader.getVectorSchemaRoot().getVector(column);
        if (!(v instanceof BigIntVector)) {
          throw new FixtureException("column '" + column + "' is not an int64 column in the result");
        }
        BigIntVector ids = (BigIntVector) v;
        for (int i = 0; i < ids.getValueCount(); i++) {
          if (!ids.isNull(i)) {
            sum += ids.get(i);
          }
        }
        rows += reader.getVectorSchemaRoot().getRowCount();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a result batch is not a valid Arrow IPC stream", e);
    }
  }

  long rows() { return rows; }

  long sum() { return sum; }

  long bytes() { return bytes; }

  @Override
  public void close() {
    allocator.close();
  }
}
