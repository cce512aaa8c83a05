package dev.cclr.server;

import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.server.artifacts.BlobDirectories;
import dev.cclr.server.artifacts.MemoryBudget;
import dev.cclr.server.artifacts.SpillDirectory;
import dev.cclr.server.config.ConfigRegistry;
import dev.cclr.server.errors.ErrorReporter;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.execution.ExecutionContext;
import dev.cclr.server.execution.ExecutionManager;
import dev.cclr.server.relations.PlannerOptions;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.relations.RelationPlanner;
import dev.cclr.server.sessions.ErrorResponder;
import dev.cclr.server.sessions.SessionFactory;
import dev.cclr.server.sessions.SessionManager;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable Spark Connect server for chunked cached local relations.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.builder()
 *     .port(0)                       // ephemeral; see port()
 *     .planner(myPlanner)
 *     .build()
 *     .start()) {
 *   ManagedChannel ch = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), ...).build();
 *   ...
 * }
 * }</pre>
 */
public final class ReferenceServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);

  /** Like Spark's spark.connect.grpc.maxInboundMessageSize default. */
  public static final int MAX_INBOUND_MESSAGE_SIZE = 128 * 1024 * 1024;

  private final Builder config;
  private Server server;
  private Path blobDir;
  private BufferAllocator allocator;
  private MemoryBudget budget;
  private SpillDirectory spillDir;
  private ExecutorService senders;
  private ScheduledExecutorService housekeeping;
  private SessionManager sessions;
  private ExecutionManager operations;

  private ReferenceServer(Builder config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds and starts serving. */
  public synchronized ReferenceServer start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    Files.createDirectories(config.storeDir);
    // A restart starts clean: what a killed earlier run left here is deleted, never served.
    BlobDirectories.removeStale(config.storeDir);
    blobDir = BlobDirectories.create(config.storeDir);
    allocator = new RootAllocator();
    senders = Executors.newCachedThreadPool(daemonThreads("cclr-sender-"));
    housekeeping = Executors.newSingleThreadScheduledExecutor(daemonThreads("cclr-housekeeping-"));

    ErrorReporter reporter = new ErrorReporter(config.errorStyle);
    budget = new MemoryBudget(config.memoryBudgetBytes);
    spillDir = new SpillDirectory(blobDir, config.storeCapacity);
    sessions = new SessionManager(new SessionFactory(new ConfigRegistry(config.errorStyle,
        config.maxLocalRelationSizeLimit, config.maxLocalRelationChunkSizeLimit), budget, spillDir,
        config.sessionDefaults, config.sessionStorageQuota));
    operations = new ExecutionManager();
    sessions.addCloseListener(operations::sessionClosed);
    ErrorResponder errors = new ErrorResponder(reporter, sessions);
    ExecutionContext execution = new ExecutionContext(sessions, config.planner, operations, senders, allocator,
        errors, config.errorStyle, config.sparkVersion());

    List<ServerInterceptor> interceptors = new ArrayList<>(config.interceptors);
    if (config.bearerToken != null) {
      // Added last, so it sees every call first: nothing runs for an unauthenticated caller.
      interceptors.add(new dev.cclr.server.security.BearerTokenAuthentication(config.bearerToken));
    }
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress(config.host, config.port))
          .maxInboundMessageSize(MAX_INBOUND_MESSAGE_SIZE)
          .callExecutor(TransportThreadCalls.of(SparkConnectServiceGrpc.getAddArtifactsMethod().getFullMethodName()))
          .addService(dev.cclr.server.artifacts.AliasingUploads.apply(
              ServerInterceptors.intercept(new SparkConnectServiceImpl(execution), interceptors)))
          .build()
          .start();
    } catch (IOException | RuntimeException e) {
      // E.g. the port is taken: leave nothing behind, the caller has no server to stop.
      server = null;
      housekeeping.shutdownNow();
      senders.shutdownNow();
      allocator.close();
      deleteRecursively(blobDir);
      throw e;
    }

    long sweepMillis = config.housekeepingInterval.toMillis();
    housekeeping.scheduleWithFixedDelay(this::housekeep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    LOG.info("Reference server listening on {}:{} (style {}, Spark version {}, memory budget {} bytes, blobs in {})",
        config.host, port(), config.errorStyle, config.sparkVersion(), config.memoryBudgetBytes, blobDir);
    return this;
  }

  /** The port actually bound (the ephemeral one when built with port 0). */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getPort();
  }

  public String host() {
    return config.host;
  }

  /** Where spilled blobs of this run live (removed on stop). */
  public Path blobDirectory() {
    return blobDir;
  }

  /**
   * Ends one session as a server restart would: its blobs, configuration and operations are
   * dropped, and the next call with the same session id gets a new session with a new
   * server-side session id (a client that reports the old one gets SESSION_CHANGED, as from
   * Spark after a restart). For harnesses that test how clients cope; returns false when there
   * is no such session.
   */
  public boolean restartSession(String userId, String sessionId) {
    return sessions.release(userId, sessionId, true).isPresent();
  }

  /** Bytes of uploaded blobs held in memory now (never above the memory budget; the rest is spilled). */
  public long blobMemoryInUse() {
    return budget.used();
  }

  /** Bytes of spill files in the store directory now (counted against the store capacity). */
  public long storeBytesInUse() {
    return spillDir.used();
  }

  /** The most Arrow memory the server has held at once since it started. */
  public long arrowMemoryPeak() {
    return allocator.getPeakMemoryAllocation();
  }

  /** Arrow memory the server holds right now (0 when no execution is running), for leak checks. */
  public long arrowMemoryInUse() {
    return allocator.getAllocatedMemory();
  }

  /** Live sessions, for tests and monitoring. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Stops accepting calls, ends running ones, frees every session and deletes spill files. */
  public synchronized void stop() {
    if (server == null || server.isShutdown() && housekeeping.isShutdown()) {
      return;
    }
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    housekeeping.shutdownNow();
    operations.closeAll();
    sessions.closeAll();
    senders.shutdownNow();
    try {
      allocator.close();
    } catch (RuntimeException e) {
      LOG.warn("Arrow memory still allocated at shutdown", e);
    }
    deleteRecursively(blobDir);
    LOG.info("Reference server stopped");
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    stop();
  }

  private void housekeep() {
    try {
      sessions.expireIdle(config.sessionIdleTimeout);
      operations.sweepDetached(config.operationDetachedTimeout);
    } catch (RuntimeException e) {
      LOG.warn("Housekeeping failed", e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void deleteRecursively(Path dir) {
    BlobDirectories.deleteRecursively(dir);
  }

  /** Settings of a {@link ReferenceServer}; every one has a default (the planner: {@link ReferenceRelationPlanner}). */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 15002;
    private Path storeDir = Paths.get(System.getProperty("java.io.tmpdir"));
    private long memoryBudgetBytes = 256L << 20;
    private long maxLocalRelationSizeLimit = ConfigRegistry.DEFAULT_MAX_SIZE_LIMIT;
    private long maxLocalRelationChunkSizeLimit = ConfigRegistry.DEFAULT_MAX_CHUNK_SIZE_LIMIT;
    private ErrorStyle errorStyle = ErrorStyle.SPARK_4_2;
    private String sparkVersion;
    private RelationPlanner planner;
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private final java.util.Map<String, String> sessionDefaults = new java.util.LinkedHashMap<>();
    private String bearerToken;
    private long sessionStorageQuota = Long.MAX_VALUE;
    private long storeCapacity = Long.MAX_VALUE;
    private Long maxDecompressedBatchBytes;
    private Duration sessionIdleTimeout = Duration.ofMinutes(60);
    private Duration operationDetachedTimeout = Duration.ofMinutes(5);
    private Duration housekeepingInterval = Duration.ofSeconds(30);

    private Builder() {}

    public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }

    /** The port to bind; 0 picks a free one (read it with {@link ReferenceServer#port()}). */
    public Builder port(int port) { this.port = port; return this; }

    /** The directory under which blobs that exceed the memory budget are spilled. */
    public Builder storeDir(Path dir) { this.storeDir = Objects.requireNonNull(dir); return this; }

    /**
     * Bytes of uploaded blobs kept in memory, server-wide; the rest goes to files. 0 writes every
     * non-empty blob to a file (the TCK's {@code embedded:spill} target runs the cases that way).
     */
    public Builder memoryBudget(long bytes) { this.memoryBudgetBytes = bytes; return this; }

    /**
     * The most a client may set spark.sql.session.localRelationSizeLimit and
     * localRelationChunkSizeLimit to (SRV-SEC-005); by default Spark's defaults, 3 GiB and
     * 2000 MiB, so that clients can lower the limits but not raise them.
     */
    public Builder maxLocalRelationLimits(long sizeLimit, long chunkSizeLimit) {
      if (sizeLimit <= 0 || chunkSizeLimit <= 0) {
        throw new IllegalArgumentException("the maxima of the local relation limits must be positive");
      }
      this.maxLocalRelationSizeLimit = sizeLimit;
      this.maxLocalRelationChunkSizeLimit = chunkSizeLimit;
      return this;
    }

    /**
     * A value every new session starts with, as if set by the operator with Spark's
     * {@code --conf}: Config get reports it as written, and it passes the same checks as a
     * client's Config set (so an invalid value fails the first call of every session).
     */
    public Builder sessionDefault(String key, String value) {
      sessionDefaults.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Requires {@code authorization: Bearer <token>} on every call (UNAUTHENTICATED otherwise), as
     * Spark's server does with a pre-shared token; null (default) for no authentication.
     */
    public Builder bearerToken(String token) { this.bearerToken = token; return this; }

    /**
     * The most bytes of blobs one session may hold, counted as pieces arrive; an upload that would
     * exceed it fails with RESOURCE_EXHAUSTED and stores nothing (SRV-SEC-004). Unbounded by default.
     */
    public Builder sessionStorageQuota(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("the session storage quota must be positive");
      }
      this.sessionStorageQuota = bytes;
      return this;
    }

    /**
     * The most bytes of spilled blobs the store directory may hold, server-wide, as if its disk
     * were that size: an upload that needs more fails with RESOURCE_EXHAUSTED
     * (CCLR_STORE_DIRECTORY_FULL) and stores nothing, as it does when the real disk is full.
     * Unbounded (the disk's own size) by default.
     */
    public Builder storeCapacity(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("the store capacity must not be negative");
      }
      this.storeCapacity = bytes;
      return this;
    }

    /**
     * The most bytes one compressed record batch of a relation may declare uncompressed (the
     * session's localRelationChunkSizeLimit bounds it further); a batch declaring more fails with
     * CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED before anything is decompressed (SRV-SEC-007).
     * Default 256 MiB. Applies to the default planner; one given with {@link #planner} has its own
     * {@link dev.cclr.server.relations.PlannerOptions}.
     */
    public Builder maxDecompressedBatchSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("the decompressed batch size limit must be positive");
      }
      this.maxDecompressedBatchBytes = bytes;
      return this;
    }

    /** Spark 4.2.0 behaviour (default) or 4.1.x error classes and config formats. */
    public Builder errorStyle(ErrorStyle style) { this.errorStyle = Objects.requireNonNull(style); return this; }

    /** What AnalyzePlan spark_version answers; defaults to 4.2.0, or 4.1.2 in 4.1 style. */
    public Builder sparkVersion(String version) { this.sparkVersion = version; return this; }

    public Builder planner(RelationPlanner planner) { this.planner = Objects.requireNonNull(planner); return this; }

    /**
     * Adds an interceptor (e.g. to record calls in tests). As with gRPC's ServerInterceptors,
     * the interceptor added last sees a call first. The {@code bytes} of an AddArtifacts request
     * are lent from gRPC's buffers until its listener's {@code onMessage} returns
     * ({@code artifacts.LoanedBytesMarshaller}): an interceptor that keeps a request longer must
     * keep a copy (e.g. parsed again from {@code toByteArray()}).
     */
    public Builder interceptor(ServerInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor));
      return this;
    }

    public Builder sessionIdleTimeout(Duration d) { this.sessionIdleTimeout = Objects.requireNonNull(d); return this; }

    /** How long a reattachable operation may stay without a client before it is dropped. */
    public Builder operationDetachedTimeout(Duration d) {
      this.operationDetachedTimeout = Objects.requireNonNull(d);
      return this;
    }

    public Builder housekeepingInterval(Duration d) {
      this.housekeepingInterval = Objects.requireNonNull(d);
      return this;
    }

    String sparkVersion() {
      if (sparkVersion != null) {
        return sparkVersion;
      }
      return errorStyle == ErrorStyle.SPARK_4_1 ? "4.1.2" : "4.2.0";
    }

    public ReferenceServer build() {
      if (planner == null) {
        planner = maxDecompressedBatchBytes == null ? new ReferenceRelationPlanner()
            : new ReferenceRelationPlanner(PlannerOptions.DEFAULT.withMaxDecompressedBatchBytes(maxDecompressedBatchBytes));
      }
      if (memoryBudgetBytes < 0) {
        throw new IllegalArgumentException("memory budget must not be negative");
      }
      return new ReferenceServer(this);
    }
  }
}
