package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import dev.cclr.server.schema.ArrowTypes;
import dev.cclr.server.schema.ProtoTypes;
import dev.cclr.server.schema.SparkType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One row of counts over another result, computed when the row is first asked for by reading
 * the input through (nothing is kept but the counters).
 */
final class CountResult implements RelationResult {

  /** What one output column counts. */
  record Counter(Kind kind, int column, boolean distinct) {
    enum Kind { ROWS, NOTHING, NON_NULL_VALUES }
  }

  private final RelationResult input;
  private final SparkType.StructType schema;
  private final List<Counter> counters;
  private final BufferAllocator allocator;
  private final Schema arrowSchema;
  private VectorSchemaRoot root;
  private boolean done;

  CountResult(RelationResult input, SparkType.StructType schema, List<Counter> counters,
      BufferAllocator allocator, String timeZone) {
    this.input = input;
    this.schema = schema;
    this.counters = List.copyOf(counters);
    this.allocator = allocator;
    this.arrowSchema = ArrowTypes.toArrowSchema(schema, timeZone, false);
  }

  @Override
  public DataType sparkSchema() {
    return ProtoTypes.toProto(schema);
  }

  @Override
  public Schema arrowSchema() {
    return arrowSchema;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    if (done) {
      return null;
    }
    long rows = 0;
    long[] nonNull = new long[counters.size()];
    for (VectorSchemaRoot batch = input.nextBatch(); batch != null; batch = input.nextBatch()) {
      rows += batch.getRowCount();
      for (int i = 0; i < counters.size(); i++) {
        Counter c = counters.get(i);
        if (c.kind() == Counter.Kind.NON_NULL_VALUES) {
          var v = batch.getVector(c.column());
          nonNull[i] += batch.getRowCount() - v.getNullCount();
        }
      }
    }
    root = VectorSchemaRoot.create(arrowSchema, allocator);
    for (int i = 0; i < counters.size(); i++) {
      Counter c = counters.get(i);
      long value = switch (c.kind()) {
        case ROWS -> c.distinct() ? Math.min(rows, 1) : rows;
        case NOTHING -> 0;
        case NON_NULL_VALUES -> nonNull[i];
      };
      BigIntVector v = (BigIntVector) root.getVector(i);
      v.allocateNew(1);
      v.set(0, value);
    }
    root.setRowCount(1);
    done = true;
    return root;
  }

  @Override
  public void close() {
    try {
      if (root != null) {
        root.close();
      }
      input.close();
    } finally {
      allocator.close();
    }
  }
}
