package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import dev.cclr.server.errors.SparkError;
import dev.cclr.server.relations.ipc.ConcatenatedArrowStream;
import dev.cclr.server.relations.reconcile.BatchConverter;
import dev.cclr.server.schema.ProtoTypes;
import dev.cclr.server.schema.SparkExceptionKind;
import dev.cclr.server.schema.SparkType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Local data streamed from Arrow IPC chunks: each input batch is read, converted into the
 * result schema (or handed over without copying) and returned; zero-row batches are skipped.
 * Without a stream the relation is empty (a schema-only LocalRelation). An error Spark raises
 * only when it executes the plan (TIME columns) is raised by the first {@link #nextBatch()}.
 */
final class LocalDataResult implements RelationResult {

  private final SparkType.StructType sparkSchema;
  private final Schema arrowSchema;
  private final ConcatenatedArrowStream stream;
  private final BatchConverter converter;
  private final BufferAllocator allocator;
  private final SparkError executionError;
  /** Whether the stored batches are the result as they are; decided at the first batch. */
  private Boolean storedAsIs;
  private VectorSchemaRoot output;
  private boolean closed;

  LocalDataResult(SparkType.StructType sparkSchema, Schema arrowSchema,
      ConcatenatedArrowStream stream, BatchConverter converter, BufferAllocator allocator,
      SparkError executionError) {
    this.sparkSchema = sparkSchema;
    this.arrowSchema = arrowSchema;
    this.stream = stream;
    this.converter = converter;
    this.allocator = allocator;
    this.executionError = executionError;
  }

  @Override
  public java.util.Optional<dev.cclr.server.relations.ipc.StoredBatch> storedBatch() {
    if (closed || stream == null || output == null) {
      return java.util.Optional.empty(); // no batch returned yet
    }
    if (storedAsIs == null) {
      // Nothing converted, same column order, and exactly the schema the result announces
      // (names, types, nullability, metadata): then a stored batch is a result batch.
      storedAsIs = converter.isIdentity() && stream.schema().equals(arrowSchema);
    }
    return storedAsIs ? java.util.Optional.ofNullable(stream.storedBatch()) : java.util.Optional.empty();
  }

  @Override
  public DataType sparkSchema() {
    return ProtoTypes.toProto(sparkSchema);
  }

  @Override
  public Schema arrowSchema() {
    return arrowSchema;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    if (closed) {
      throw new IllegalStateException("result is closed");
    }
    if (executionError != null) {
      throw executionError;
    }
    if (stream == null) {
      return null;
    }
    try {
      while (true) {
        VectorSchemaRoot input = stream.nextBatch();
        if (input == null) {
          return null;
        }
        if (input.getRowCount() == 0) {
          continue;
        }
        if (output == null) {
          output = VectorSchemaRoot.create(arrowSchema, allocator);
        }
        converter.convert(input, output);
        return output;
      }
    } catch (SparkError e) {
      throw e;
    } catch (RuntimeException e) {
      throw SparkExceptionKind.plain(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (output != null) {
        output.close();
      }
    } finally {
      try {
        if (stream != null) {
          stream.close();
        }
      } finally {
        allocator.close();
      }
    }
  }
}
