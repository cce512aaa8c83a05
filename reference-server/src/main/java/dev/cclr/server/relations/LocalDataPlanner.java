package dev.cclr.server.relations;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.relations.ipc.ChunkSource;
import dev.cclr.server.relations.ipc.ConcatenatedArrowStream;
import dev.cclr.server.relations.reconcile.BatchConverter;
import dev.cclr.server.relations.reconcile.ColumnPlan;
import dev.cclr.server.relations.reconcile.SchemaReconciler;
import dev.cclr.server.schema.ArrowTypes;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.SparkTypes;
import dev.cclr.server.schema.StructField;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns local data (Arrow IPC chunks) and an optional user schema into a result, in the order
 * Spark checks things: every chunk present with a readable schema message equal to the first
 * (the first chunk's types must be ones Spark reads), then the user schema applied. Nothing but
 * schema messages is read here; the data is streamed by the result.
 */
final class LocalDataPlanner {

  /** Expression ids for the one Spark error message that shows them. */
  private static final AtomicLong EXPRESSION_IDS = new AtomicLong();

  private final PlannerOptions options;

  LocalDataPlanner(PlannerOptions options) {
    this.options = options;
  }

  /** Data chunks (at least one) with an optional user schema. */
  RelationResult plan(List<ChunkSource> chunks, Optional<SparkType.StructType> userSchema,
      PlanningContext context) {
    BufferAllocator allocator = newAllocator(context);
    try {
      Schema arrowSchema = ConcatenatedArrowStream.checkSchemas(chunks, allocator,
          LocalDataPlanner::checkReadable);
      SparkType.StructType data = ArrowTypes.fromArrowSchema(arrowSchema);
      SparkType.StructType result = userSchema.orElse(data);
      if (userSchema.isPresent()) {
        SchemaReconciler.checkShape(data, userSchema.get());
      }
      Schema outputArrow = ArrowTypes.toArrowSchema(result, context.sessionTimeZone(),
          context.useLargeVarTypes());
      ZoneId zone = context.sessionZone();
      List<ColumnPlan> plans = userSchema.isPresent()
          ? SchemaReconciler.apply(data, arrowSchema, userSchema.get(), outputArrow, zone)
          : SchemaReconciler.passThrough(data, arrowSchema, outputArrow, zone);
      SparkError executionError =
          SparkTypes.hasTime(result) ? RelationErrors.unsupportedTimeType() : null;
      if (options.decodeBeforeResult() && executionError == null) {
        BufferAllocator dryRun = allocator.newChildAllocator("prevalidation", 0,
            options.maxBytesPerRelation());
        drain(new LocalDataResult(result, outputArrow,
            new ConcatenatedArrowStream(chunks, dryRun, maxDecompressedBatchBytes(context)),
            new BatchConverter(plans), dryRun, null));
      }
      return new LocalDataResult(result, outputArrow,
          new ConcatenatedArrowStream(chunks, allocator, maxDecompressedBatchBytes(context)),
          new BatchConverter(plans), allocator,
          executionError);
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
  }

  /** A LocalRelation that only has a schema: an empty relation of that schema. */
  RelationResult planEmpty(SparkType.StructType schema, PlanningContext context) {
    if (SparkTypes.hasCharOrVarchar(schema)) {
      StringBuilder attributes = new StringBuilder();
      for (StructField f : schema.fields()) {
        if (attributes.length() > 0) {
          attributes.append(", ");
        }
        attributes.append(f.name()).append('#').append(EXPRESSION_IDS.incrementAndGet());
      }
      throw RelationErrors.charVarcharOutput(attributes.toString());
    }
    Schema outputArrow = ArrowTypes.toArrowSchema(schema, context.sessionTimeZone(),
        context.useLargeVarTypes());
    SparkError executionError =
        SparkTypes.hasTime(schema) ? RelationErrors.unsupportedTimeType() : null;
    return new LocalDataResult(schema, outputArrow, null, null, newAllocator(context),
        executionError);
  }

  /**
   * SRV-SEC-007: a compressed batch may expand to no more than an uncompressed chunk could hold
   * (the session's localRelationChunkSizeLimit), nor to more than the operator allows.
   */
  private long maxDecompressedBatchBytes(PlanningContext context) {
    return Math.min(options.maxDecompressedBatchBytes(), context.localRelationChunkSizeLimit());
  }

  private BufferAllocator newAllocator(PlanningContext context) {
    return context.allocator().newChildAllocator("local-relation", 0,
        options.maxBytesPerRelation());
  }

  /** What Spark fails on when it reads the first chunk's vectors (after mapping the types). */
  private static void checkReadable(Schema schema) {
    ArrowTypes.fromArrowSchema(schema);
    for (Field f : schema.getFields()) {
      SparkError e = ArrowTypes.unreadableVector(f);
      if (e != null) {
        throw e;
      }
    }
  }

  private static void drain(RelationResult result) {
    try (result) {
      result.drainRest();
    }
  }
}
