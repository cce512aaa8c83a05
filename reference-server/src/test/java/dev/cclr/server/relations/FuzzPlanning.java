package dev.cclr.server.relations;

import dev.cclr.proto.Relation;
import dev.cclr.server.errors.SparkError;
import dev.cclr.server.testing.FuzzChecks;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Plans and drains one relation as the server would for a fuzz input, and checks the property
 * the fuzz targets share: the relation yields its batches (every value readable) or fails with a
 * SparkError that renders as a gRPC error with ErrorInfo; nothing else escapes, and afterwards
 * every Arrow buffer is released and every blob stream closed.
 */
final class FuzzPlanning {

  /**
   * Arrow memory one input may use. Inputs are a few KiB, so an input that needs more has made
   * the server believe a length field; the allocator then refuses instead of the heap filling.
   */
  static final long ALLOCATION_LIMIT = 64L << 20;

  private static final RelationPlanner PLANNER = new ReferenceRelationPlanner();

  /** How the inputs of one target ended, reported when its tests end. */
  static final class Outcomes {
    final AtomicLong results = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    @Override
    public String toString() {
      return results.get() + " inputs ended in a result, " + errors.get() + " in a SparkError";
    }
  }

  private FuzzPlanning() {}

  /** Plans the relation over the blobs with a fresh, bounded allocator; checks the property. */
  static void planAndDrain(Relation relation, InMemoryBlobs blobs, long sizeLimit, long chunkSizeLimit,
      Outcomes outcomes) {
    try (RootAllocator allocator = new RootAllocator(ALLOCATION_LIMIT)) {
      TestContext context = new TestContext(blobs, allocator);
      context.sizeLimit = sizeLimit;
      context.chunkSizeLimit = chunkSizeLimit;
      try (RelationResult result = PLANNER.plan(relation, context)) {
        result.sparkSchema();
        result.arrowSchema();
        for (VectorSchemaRoot batch = result.nextBatch(); batch != null; batch = result.nextBatch()) {
          readEveryValue(batch);
        }
        outcomes.results.incrementAndGet();
      } catch (SparkError e) {
        FuzzChecks.assertReportable(e);
        outcomes.errors.incrementAndGet();
      }
      if (allocator.getAllocatedMemory() != 0) {
        throw new AssertionError("Arrow memory leaked: " + allocator.getAllocatedMemory() + " bytes");
      }
      if (blobs.openStreams.get() != 0) {
        throw new AssertionError(blobs.openStreams.get() + " blob streams left open");
      }
    }
  }

  /** What the server's sender relies on: every value of a batch it got can be read. */
  private static void readEveryValue(VectorSchemaRoot batch) {
    for (FieldVector v : batch.getFieldVectors()) {
      if (v.getValueCount() != batch.getRowCount()) {
        throw new AssertionError("vector " + v.getName() + " has " + v.getValueCount()
            + " values in a batch of " + batch.getRowCount() + " rows");
      }
      for (int row = 0; row < batch.getRowCount(); row++) {
        v.getObject(row);
      }
    }
  }
}
