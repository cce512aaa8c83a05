package dev.cclr.server.execution;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * How many rows of a decoded batch go into one result batch under the byte limit, estimated
 * before encoding from the batch's buffer bytes per row, so that each result batch is encoded
 * once. The estimate aims a little below the limit ({@value #TARGET} of it) because slices of
 * the same batch differ in width; a batch that still comes out too big is cut again by
 * {@link #shrink}.
 */
final class BatchRows {

  static final double TARGET = 0.9;

  private BatchRows() {}

  /** At most {@code rows} rows, fewer when the batch's average row width says they would exceed the limit. */
  static int fitting(int rows, VectorSchemaRoot batch, long maxBytes) {
    int total = batch.getRowCount();
    if (rows <= 1 || total == 0) {
      return rows;
    }
    long bytes = 0;
    for (FieldVector v : batch.getFieldVectors()) {
      bytes += v.getBufferSize();
    }
    double perRow = (double) bytes / total;
    if (perRow * rows <= maxBytes * TARGET) {
      return rows;
    }
    return (int) Math.max(1, Math.min(rows - 1, Math.floor(maxBytes * TARGET / perRow)));
  }

  /** Fewer rows than {@code rows}, in proportion to how far {@code bytes} went over the limit. */
  static int shrink(int rows, long bytes, long maxBytes) {
    int estimate = (int) Math.floor(rows * (maxBytes * TARGET / bytes));
    return Math.max(1, Math.min(rows - 1, estimate));
  }
}
