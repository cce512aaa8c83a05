package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A planned relation, pulled one batch at a time so that no relation is ever materialised whole.
 * Planning (the size checks, the schema blob, every chunk's schema) has already happened when an
 * instance exists, so the errors Spark raises before sending anything are raised before the first
 * batch; only data-dependent errors (a corrupt batch body, a cast overflow) can surface from
 * {@link #nextBatch()}.
 */
public interface RelationResult extends AutoCloseable {

  /** The result schema in Spark terms, for ExecutePlanResponse.schema and AnalyzePlan. */
  DataType sparkSchema();

  /** The Arrow schema of the batches, as Spark would label them (field names, types, zones). */
  Schema arrowSchema();

  /**
   * The next batch, or null at the end. The root belongs to this result and stays valid until the
   * next call or {@link #close()}. Throws {@link dev.cclr.server.errors.SparkError} on bad data.
   */
  VectorSchemaRoot nextBatch();

  /**
   * The batch last returned by {@link #nextBatch()} exactly as it was stored, when the result is
   * that stored batch unchanged (same schema, nothing converted), so that it can be sent without
   * being encoded again; empty otherwise, and always for results that compute their batches.
   * Valid until the next {@link #nextBatch()} or {@link #close()}.
   */
  default java.util.Optional<dev.cclr.server.relations.ipc.StoredBatch> storedBatch() {
    return java.util.Optional.empty();
  }

  /**
   * Reads every batch left and discards it, for a relation that needs no more rows of its input
   * (a Limit that is full, a ShowString that has its rows). Spark reads the whole local relation
   * while planning, so a fault in a later chunk fails the call there; a server that stopped
   * reading would end the call with OK instead, which §10.3 does not allow.
   */
  default void drainRest() {
    while (nextBatch() != null) {
      // Only the errors matter.
    }
  }

  /** Releases every buffer and open blob stream. Safe to call twice. */
  @Override
  void close();
}
