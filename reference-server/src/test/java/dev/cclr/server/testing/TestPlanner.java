package dev.cclr.server.testing;

import dev.cclr.proto.DataType;
import dev.cclr.proto.Relation;
import dev.cclr.server.errors.SparkError;
import dev.cclr.server.execution.PlanErrors;
import dev.cclr.server.relations.PlanningContext;
import dev.cclr.server.relations.RelationPlanner;
import dev.cclr.server.relations.RelationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small planner for testing the gRPC layer without the real relation code: a LocalRelation
 * serves its one IPC stream; a ChunkedCachedLocalRelation serves its blobs' streams in order
 * (with the size limits checked like Spark, first the total then each chunk); a Range serves a
 * lazily generated long column "id" in batches of 10,000 rows and counts the batches it made,
 * so tests can see how far production ran ahead of the client.
 */
public final class TestPlanner implements RelationPlanner {

  public static final int RANGE_BATCH_ROWS = 10_000;

  /** Range batches produced so far (all executions). */
  public final AtomicLong rangeBatchesProduced = new AtomicLong();
  /** Results closed so far. */
  public final AtomicInteger resultsClosed = new AtomicInteger();
  /** Results opened so far. */
  public final AtomicInteger resultsOpened = new AtomicInteger();
  /** The limits the last planning saw. */
  public volatile long lastSizeLimit;
  public volatile long lastChunkSizeLimit;

  @Override
  public RelationResult plan(Relation relation, PlanningContext ctx) {
    lastSizeLimit = ctx.localRelationSizeLimit();
    lastChunkSizeLimit = ctx.localRelationChunkSizeLimit();
    RelationResult r = switch (relation.getRelTypeCase()) {
      case LOCAL_RELATION -> new StreamsResult(List.of(
          new ByteArrayInputStream(relation.getLocalRelation().getData().toByteArray())), ctx.allocator());
      case CHUNKED_CACHED_LOCAL_RELATION -> chunked(relation, ctx);
      case RANGE -> new RangeResult(relation.getRange().getEnd(), ctx.allocator());
      default -> throw PlanErrors.oneOfNotSet("spark.connect.Relation", relation.getRelTypeCase().name());
    };
    resultsOpened.incrementAndGet();
    return r;
  }

  private RelationResult chunked(Relation relation, PlanningContext ctx) {
    List<String> hashes = relation.getChunkedCachedLocalRelation().getDataHashesList();
    long total = 0;
    for (String h : hashes) {
      total += ctx.blobs().size(h).orElse(0);
    }
    if (total > ctx.localRelationSizeLimit()) {
      throw SparkError.builder("CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED").sqlState("56K00")
          .param("actualSize", total).param("limit", ctx.localRelationSizeLimit())
          .text("Cached local relation size (" + total + " bytes) exceeds the limit ("
              + ctx.localRelationSizeLimit() + " bytes).")
          .internalErrorIn41(true).build();
    }
    List<InputStream> streams = new ArrayList<>();
    try {
      for (String h : hashes) {
        streams.add(ctx.blobs().open(h).orElseThrow(() -> SparkError.builder(
                "CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION").sqlState("56K00")
            .param("hash", h).param("sessionUUID", ctx.serverSideSessionId())
            .text("Not found chunked cached local relation block with the hash: " + h
                + " in the session with sessionUUID " + ctx.serverSideSessionId() + ".")
            .internalErrorIn41(true).build()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      streams.forEach(TestPlanner::closeQuietly);
      throw e;
    }
    return new StreamsResult(streams, ctx.allocator());
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // test helper
    }
  }

  static DataType sparkType(ArrowType t) {
    if (t instanceof ArrowType.Int i) {
      return switch (i.getBitWidth()) {
        case 8 -> DataType.newBuilder().setByte(DataType.Byte.getDefaultInstance()).build();
        case 16 -> DataType.newBuilder().setShort(DataType.Short.getDefaultInstance()).build();
        case 32 -> DataType.newBuilder().setInteger(DataType.Integer.getDefaultInstance()).build();
        default -> DataType.newBuilder().setLong(DataType.Long.getDefaultInstance()).build();
      };
    }
    if (t instanceof ArrowType.Utf8) {
      return DataType.newBuilder().setString(DataType.String.getDefaultInstance()).build();
    }
    return DataType.newBuilder().setBinary(DataType.Binary.getDefaultInstance()).build();
  }

  static DataType sparkSchema(Schema schema) {
    DataType.Struct.Builder s = DataType.Struct.newBuilder();
    for (Field f : schema.getFields()) {
      s.addFields(DataType.StructField.newBuilder().setName(f.getName()).setDataType(sparkType(f.getType()))
          .setNullable(f.isNullable()));
    }
    return DataType.newBuilder().setStruct(s).build();
  }

  /** IPC streams read one after another; the schema is the first stream's. */
  private final class StreamsResult implements RelationResult {
    private final List<InputStream> inputs;
    private final BufferAllocator allocator;
    private final List<ArrowStreamReader> readers = new ArrayList<>();
    private int current;
    private final Schema schema;
    private boolean closed;

    StreamsResult(List<InputStream> inputs, BufferAllocator allocator) {
      this.inputs = inputs;
      this.allocator = allocator;
      for (InputStream in : inputs) {
        readers.add(new ArrowStreamReader(in, allocator));
      }
      try {
        schema = readers.get(0).getVectorSchemaRoot().getSchema();
      } catch (IOException e) {
        close();
        throw SparkError.plain("java.io.IOException", e.getMessage()).build();
      }
    }

    @Override
    public DataType sparkSchema() {
      return TestPlanner.sparkSchema(schema);
    }

    @Override
    public Schema arrowSchema() {
      return schema;
    }

    @Override
    public VectorSchemaRoot nextBatch() {
      try {
        while (current < readers.size()) {
          ArrowStreamReader r = readers.get(current);
          if (r.loadNextBatch()) {
            return r.getVectorSchemaRoot();
          }
          current++;
        }
        return null;
      } catch (IOException e) {
        throw SparkError.plain("java.io.IOException", e.getMessage()).build();
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (ArrowStreamReader r : readers) {
        try {
          r.close();
        } catch (IOException ignored) {
          // test helper
        }
      }
      inputs.forEach(TestPlanner::closeQuietly);
      resultsClosed.incrementAndGet();
    }
  }

  /** Rows 0..end-1 as a long column "id", made one batch at a time. */
  private final class RangeResult implements RelationResult {
    private final long end;
    private final VectorSchemaRoot root;
    private long next;
    private boolean closed;

    RangeResult(long end, BufferAllocator allocator) {
      this.end = end;
      Schema schema = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(64, true))));
      this.root = VectorSchemaRoot.create(schema, allocator);
    }

    @Override
    public DataType sparkSchema() {
      return TestPlanner.sparkSchema(root.getSchema());
    }

    @Override
    public Schema arrowSchema() {
      return root.getSchema();
    }

    @Override
    public VectorSchemaRoot nextBatch() {
      if (next >= end) {
        return null;
      }
      int rows = (int) Math.min(RANGE_BATCH_ROWS, end - next);
      BigIntVector id = (BigIntVector) root.getVector(0);
      id.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        id.set(i, next + i);
      }
      root.setRowCount(rows);
      next += rows;
      rangeBatchesProduced.incrementAndGet();
      return root;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        root.close();
        resultsClosed.incrementAndGet();
      }
    }
  }
}
