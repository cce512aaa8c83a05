package dev.cclr.server.relations;

import java.time.ZoneId;
import org.apache.arrow.memory.BufferAllocator;

/** A planning context with Spark's defaults, each setting replaceable. */
final class TestContext implements PlanningContext {

  final InMemoryBlobs blobs;
  final BufferAllocator allocator;
  long sizeLimit = 3L << 30;
  long chunkSizeLimit = 2000L << 20;
  String sessionId = "0b5e1d3c-0000-4000-8000-00000000beef";
  String timeZone = "Etc/UTC";
  boolean largeVarTypes;

  TestContext(InMemoryBlobs blobs, BufferAllocator allocator) {
    this.blobs = blobs;
    this.allocator = allocator;
  }

  @Override public BlobLookup blobs() { return blobs; }
  @Override public long localRelationSizeLimit() { return sizeLimit; }
  @Override public long localRelationChunkSizeLimit() { return chunkSizeLimit; }
  @Override public String serverSideSessionId() { return sessionId; }
  @Override public String sessionTimeZone() { return timeZone; }
  @Override public ZoneId sessionZone() { return ZoneId.of(timeZone); }
  @Override public boolean useLargeVarTypes() { return largeVarTypes; }
  @Override public BufferAllocator allocator() { return allocator; }
}
