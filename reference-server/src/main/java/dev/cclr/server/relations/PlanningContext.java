package dev.cclr.server.relations;

import java.time.ZoneId;
import org.apache.arrow.memory.BufferAllocator;

/** What planning a relation needs from its session, read at planning time (as Spark does). */
public interface PlanningContext {

  BlobLookup blobs();

  /** spark.sql.session.localRelationSizeLimit in bytes. */
  long localRelationSizeLimit();

  /** spark.sql.session.localRelationChunkSizeLimit in bytes. */
  long localRelationChunkSizeLimit();

  /** The server-side session id (Spark's sessionUUID), quoted in NOT_FOUND errors. */
  String serverSideSessionId();

  /** spark.sql.session.timeZone: the zone result timestamps are labelled with. */
  String sessionTimeZone();

  /**
   * The session time zone as Spark parses it (casts and show_string use it): offsets such as
   * "+8:00", which java.time's own parsing refuses, included.
   */
  ZoneId sessionZone();

  /** spark.sql.execution.arrow.useLargeVarTypes: strings/binaries as LargeUtf8/LargeBinary in results. */
  boolean useLargeVarTypes();

  /** The allocator result batches are built in; the planner creates children of it. */
  BufferAllocator allocator();
}
