package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * ToDF: the input's columns under new names, by position. Types, nullability and metadata stay;
 * nested field names stay. Each batch is relabelled through transfer pairs that share the
 * input's buffers (no copy), because an Arrow batch takes its column names from its vectors.
 */
final class RenamedResult implements RelationResult {

  private final RelationResult input;
  private final DataType sparkSchema;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private VectorSchemaRoot renamed;

  RenamedResult(RelationResult input, List<String> names, BufferAllocator allocator) {
    this.input = input;
    this.allocator = allocator;
    DataType.Struct.Builder struct = input.sparkSchema().getStruct().toBuilder();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      struct.setFields(i, struct.getFields(i).toBuilder().setName(names.get(i)));
      Field f = input.arrowSchema().getFields().get(i);
      fields.add(new Field(names.get(i), f.getFieldType(), f.getChildren()));
    }
    this.sparkSchema = input.sparkSchema().toBuilder().setStruct(struct).build();
    this.arrowSchema = new Schema(fields, input.arrowSchema().getCustomMetadata());
  }

  @Override
  public DataType sparkSchema() {
    return sparkSchema;
  }

  @Override
  public Schema arrowSchema() {
    return arrowSchema;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    closeRenamed();
    VectorSchemaRoot batch = input.nextBatch();
    if (batch == null) {
      return null;
    }
    int rows = batch.getRowCount();
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (int i = 0; i < arrowSchema.getFields().size(); i++) {
        TransferPair pair = batch.getVector(i)
            .getTransferPair(arrowSchema.getFields().get(i), allocator);
        pair.splitAndTransfer(0, rows);
        vectors.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    renamed = new VectorSchemaRoot(arrowSchema.getFields(), vectors, rows);
    return renamed;
  }

  private void closeRenamed() {
    if (renamed != null) {
      renamed.close();
      renamed = null;
    }
  }

  @Override
  public void close() {
    try {
      closeRenamed();
    } finally {
      try {
        input.close();
      } finally {
        allocator.close();
      }
    }
  }
}
