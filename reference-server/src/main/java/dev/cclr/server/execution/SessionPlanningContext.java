package dev.cclr.server.execution;

import dev.cclr.server.relations.BlobLookup;
import dev.cclr.server.relations.PlanningContext;
import dev.cclr.server.sessions.Session;
import java.time.ZoneId;
import org.apache.arrow.memory.BufferAllocator;

/** What the planner sees of a session; limits are read from its config when asked, as Spark does. */
record SessionPlanningContext(Session session, BufferAllocator allocator) implements PlanningContext {

  @Override
  public BlobLookup blobs() {
    return session.blobs();
  }

  @Override
  public long localRelationSizeLimit() {
    return session.config().localRelationSizeLimit();
  }

  @Override
  public long localRelationChunkSizeLimit() {
    return session.config().localRelationChunkSizeLimit();
  }

  @Override
  public String serverSideSessionId() {
    return session.serverSideSessionId();
  }

  @Override
  public String sessionTimeZone() {
    return session.config().sessionTimeZone();
  }

  @Override
  public ZoneId sessionZone() {
    return session.config().sessionZone();
  }

  @Override
  public boolean useLargeVarTypes() {
    return session.config().useLargeVarTypes();
  }
}
