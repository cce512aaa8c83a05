package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.ArrowTypes;
import dev.cclr.server.schema.ProtoTypes;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.StructField;
import java.math.BigInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Spark's {@code range(start, end, step)}: one non-nullable BIGINT column {@code id}, generated
 * batch by batch. The row count is computed exactly (no overflow near Long's limits).
 */
final class RangeResult implements RelationResult {

  static final SparkType.StructType SCHEMA =
      SparkType.StructType.of(new StructField("id", SparkType.LONG, false));
  private static final int BATCH_ROWS = 8192;

  private final long start;
  private final long step;
  private final BigInteger total;
  private final BufferAllocator allocator;
  private final Schema arrowSchema;
  private final SparkError executionError;
  private BigInteger produced = BigInteger.ZERO;
  private VectorSchemaRoot root;

  RangeResult(long start, long end, long step, BufferAllocator allocator, String timeZone,
      SparkError executionError) {
    this.start = start;
    this.step = step;
    this.allocator = allocator;
    this.executionError = executionError;
    this.arrowSchema = ArrowTypes.toArrowSchema(SCHEMA, timeZone, false);
    BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
    BigInteger s = BigInteger.valueOf(step);
    boolean empty = span.signum() == 0 || span.signum() != s.signum();
    // ceil(span / step) for same-signed span and step.
    this.total = empty ? BigInteger.ZERO
        : span.add(s).subtract(BigInteger.valueOf(s.signum())).divide(s);
  }

  @Override
  public DataType sparkSchema() {
    return ProtoTypes.toProto(SCHEMA);
  }

  @Override
  public Schema arrowSchema() {
    return arrowSchema;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    if (executionError != null) {
      throw executionError;
    }
    BigInteger left = total.subtract(produced);
    if (left.signum() <= 0) {
      return null;
    }
    int rows = left.min(BigInteger.valueOf(BATCH_ROWS)).intValue();
    if (root == null) {
      root = VectorSchemaRoot.create(arrowSchema, allocator);
    }
    root.clear();
    BigIntVector ids = (BigIntVector) root.getVector(0);
    ids.allocateNew(rows);
    long first = start + produced.longValue() * step;
    for (int i = 0; i < rows; i++) {
      ids.set(i, first + (long) i * step);
    }
    root.setRowCount(rows);
    produced = produced.add(BigInteger.valueOf(rows));
    return root;
  }

  @Override
  public void close() {
    try {
      if (root != null) {
        root.close();
      }
    } finally {
      allocator.close();
    }
  }
}
