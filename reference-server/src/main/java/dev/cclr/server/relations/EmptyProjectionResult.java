package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A Project with no expressions (PySpark's isEmpty() sends one under a limit of 1): as many rows
 * as the input, no columns.
 */
final class EmptyProjectionResult implements RelationResult {

  private static final DataType EMPTY_STRUCT =
      DataType.newBuilder().setStruct(DataType.Struct.getDefaultInstance()).build();

  private final RelationResult input;

  EmptyProjectionResult(RelationResult input) {
    this.input = input;
  }

  @Override
  public DataType sparkSchema() {
    return EMPTY_STRUCT;
  }

  @Override
  public Schema arrowSchema() {
    return new Schema(List.of());
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    VectorSchemaRoot batch = input.nextBatch();
    if (batch == null) {
      return null;
    }
    return new VectorSchemaRoot(List.of(), List.of(), batch.getRowCount());
  }

  @Override
  public void close() {
    input.close();
  }
}
