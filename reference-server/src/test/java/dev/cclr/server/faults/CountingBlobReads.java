package dev.cclr.server.faults;

import dev.cclr.proto.Relation;
import dev.cclr.server.relations.BlobLookup;
import dev.cclr.server.relations.PlanningContext;
import dev.cclr.server.relations.RelationPlanner;
import dev.cclr.server.relations.RelationResult;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A planner that hands the real one a view of the session's blobs which counts what is read from
 * the store: streams opened and closed, bytes read. Lets a test see whether the server keeps
 * reading blobs after the client has gone.
 */
final class CountingBlobReads implements RelationPlanner {

  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  final AtomicLong bytesRead = new AtomicLong();
  private final RelationPlanner real;

  CountingBlobReads(RelationPlanner real) {
    this.real = real;
  }

  @Override
  public RelationResult plan(Relation relation, PlanningContext context) {
    return real.plan(relation, new PlanningContext() {
      @Override public BlobLookup blobs() { return counting(context.blobs()); }
      @Override public long localRelationSizeLimit() { return context.localRelationSizeLimit(); }
      @Override public long localRelationChunkSizeLimit() { return context.localRelationChunkSizeLimit(); }
      @Override public String serverSideSessionId() { return context.serverSideSessionId(); }
      @Override public String sessionTimeZone() { return context.sessionTimeZone(); }
      @Override public java.time.ZoneId sessionZone() { return context.sessionZone(); }
      @Override public boolean useLargeVarTypes() { return context.useLargeVarTypes(); }
      @Override public BufferAllocator allocator() { return context.allocator(); }
    });
  }

  private BlobLookup counting(BlobLookup blobs) {
    return new BlobLookup() {
      @Override
      public OptionalLong size(String hash) {
        return blobs.size(hash);
      }

      @Override
      public Optional<InputStream> open(String hash) throws IOException {
        return blobs.open(hash).map(CountingStream::new);
      }
    };
  }

  private final class CountingStream extends FilterInputStream {
    private boolean done;

    CountingStream(InputStream in) {
      super(in);
      opened.incrementAndGet();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytesRead.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        bytesRead.addAndGet(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      bytesRead.addAndGet(skipped);
      return skipped;
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        closed.incrementAndGet();
      }
      super.close();
    }
  }
}
