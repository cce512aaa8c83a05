package dev.cclr.tck.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.ReferenceServer;
import dev.cclr.tck.client.ArrowResultBatch;
import dev.cclr.tck.client.ChunkedUpload;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.client.ExecuteOptions;
import dev.cclr.tck.client.ExecuteResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 sessions at once, each uploading and running a 128 MiB chunked relation whose chunks overlap
 * with other sessions' chunks: every session gets exactly its rows (count and checksum), no session
 * sees a blob it did not upload, and uploaded blobs never take more memory than the budget.
 */
class ConcurrentSessionsLoadTest {
  private static final int SESSIONS = 32;
  private static final int CHUNKS_PER_SESSION = 32;
  private static final int BLOCKS = 40;
  private static final int ROWS_PER_BLOCK = 4096;
  private static final int PAYLOAD = 1000;
  private static final long BUDGET = 256L << 20;

  @TempDir Path store;

  /** A chunk of about 4 MiB whose ids and payload depend only on the block number. */
  record Block(com.google.protobuf.ByteString ipc, String key, long idSum, long rows) {}

  @Test
  void thirtyTwoSessionsOfOneHundredTwentyEightMiBEach() throws Exception {
    List<Block> blocks = new ArrayList<>();
    for (int b = 0; b < BLOCKS; b++) {
      blocks.add(block(b));
    }
    try (ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(0).storeDir(store)
        .memoryBudget(BUDGET).build().start()) {
      AtomicLong peakBlobMemory = new AtomicLong();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(() -> peakBlobMemory.accumulateAndGet(server.blobMemoryInUse(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
      ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
      List<Future<String>> results = new ArrayList<>();
      for (int s = 0; s < SESSIONS; s++) {
        int session = s;
        results.add(pool.submit(() -> runSession(server.port(), session, blocks)));
      }
      List<String> problems = new ArrayList<>();
      for (Future<String> f : results) {
        String problem = f.get(15, TimeUnit.MINUTES);
        if (problem != null) {
          problems.add(problem);
        }
      }
      pool.shutdown();
      sampler.shutdownNow();
      assertEquals(List.of(), problems);
      assertTrue(peakBlobMemory.get() <= BUDGET, "blob memory " + peakBlobMemory.get() + " over the budget " + BUDGET);
      System.out.printf("load: %d sessions x %d MiB; peak blob memory %d MiB (budget %d MiB); peak Arrow memory %d MiB%n",
          SESSIONS, CHUNKS_PER_SESSION * 4, peakBlobMemory.get() >> 20, BUDGET >> 20, server.arrowMemoryPeak() >> 20);
    }
  }

  /** Uploads and runs one session's relation; null when everything checked out, else what went wrong. */
  private static String runSession(int port, int s, List<Block> blocks) {
    // The blocks' bytes are shared by all sessions (no copies), as the keys are.
    java.util.Map<String, dev.cclr.tck.client.ArtifactBlob> distinct = new java.util.LinkedHashMap<>();
    var relation = dev.cclr.proto.ChunkedCachedLocalRelation.newBuilder();
    long expectedIds = 0;
    long expectedRows = 0;
    for (int j = 0; j < CHUNKS_PER_SESSION; j++) {
      Block b = blocks.get((s + j) % BLOCKS);
      distinct.putIfAbsent(b.key(), new dev.cclr.tck.client.ArtifactBlob("cache/" + b.key(), b.ipc()));
      relation.addDataHashes(b.key());
      expectedIds += b.idSum();
      expectedRows += b.rows();
    }
    try (ConnectSession session = ConnectSession.open(ConnectUri.local(port))) {
      // One status check, then the absent blobs in calls of 4 (16 MiB), so that 32 clients in one
      // test JVM do not each frame 128 MiB at once.
      List<dev.cclr.tck.client.ArtifactBlob> blobs = List.copyOf(distinct.values());
      var present = session.artifactStatus(blobs.stream().map(dev.cclr.tck.client.ArtifactBlob::name).toList()).getStatusesMap();
      List<dev.cclr.tck.client.ArtifactBlob> absent = blobs.stream()
          .filter(b -> !present.containsKey(b.name()) || !present.get(b.name()).getExists()).toList();
      for (int from = 0; from < absent.size(); from += 4) {
        var answer = session.addArtifacts(absent.subList(from, Math.min(absent.size(), from + 4)));
        for (var summary : answer.getArtifactsList()) {
          if (!summary.getIsCrcSuccessful()) {
            return "session " + s + ": upload of " + summary.getName() + " failed its CRC";
          }
        }
      }
      AtomicLong rows = new AtomicLong();
      AtomicLong ids = new AtomicLong();
      ExecuteResult result = session.execute(dev.cclr.proto.Relation.newBuilder().setChunkedCachedLocalRelation(relation).build(),
          ExecuteOptions.defaults().streamingTo(batch -> sum(batch, rows, ids)));
      if (result.error().isPresent()) {
        return "session " + s + ": " + result.error().get().summary();
      }
      if (rows.get() != expectedRows || ids.get() != expectedIds) {
        return "session " + s + ": " + rows.get() + " rows with id sum " + ids.get() + ", expected " + expectedRows + " and " + expectedIds;
      }
      // Blocks this session never uploaded (but others did) must be invisible to it.
      List<String> foreign = new ArrayList<>();
      for (int j = CHUNKS_PER_SESSION; j < BLOCKS; j++) {
        foreign.add("cache/" + blocks.get((s + j) % BLOCKS).key());
      }
      var status = session.artifactStatus(foreign);
      for (String name : foreign) {
        if (status.getStatusesMap().get(name).getExists()) {
          return "session " + s + " sees " + name + ", which only other sessions uploaded";
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "session " + s + ": " + e;
    }
  }

  private static void sum(ArrowResultBatch batch, AtomicLong rows, AtomicLong ids) {
    try (BufferAllocator a = new RootAllocator();
        ArrowStreamReader r = new ArrowStreamReader(new ByteArrayInputStream(batch.data().toByteArray()), a)) {
      while (r.loadNextBatch()) {
        BigIntVector id = (BigIntVector) r.getVectorSchemaRoot().getVector(0);
        for (int i = 0; i < id.getValueCount(); i++) {
          ids.addAndGet(id.get(i));
        }
        rows.addAndGet(r.getVectorSchemaRoot().getRowCount());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Block block(int b) {
    try (BufferAllocator a = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(List.of(
            org.apache.arrow.vector.types.pojo.Field.notNullable("id", new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)),
            org.apache.arrow.vector.types.pojo.Field.notNullable("payload", org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE))), a)) {
      BigIntVector id = (BigIntVector) root.getVector(0);
      VarCharVector payload = (VarCharVector) root.getVector(1);
      long idSum = 0;
      for (int i = 0; i < ROWS_PER_BLOCK; i++) {
        long value = (long) b * 1_000_000 + i;
        id.setSafe(i, value);
        idSum += value;
        byte[] text = (b + ":" + i + ":").repeat(PAYLOAD / 4).substring(0, PAYLOAD).getBytes(StandardCharsets.US_ASCII);
        payload.setSafe(i, text);
      }
      root.setRowCount(ROWS_PER_BLOCK);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
        w.start();
        w.writeBatch();
        w.end();
      }
      com.google.protobuf.ByteString bytes = com.google.protobuf.ByteString.copyFrom(out.toByteArray());
      return new Block(bytes, ChunkedUpload.sha256Hex(bytes), idSum, ROWS_PER_BLOCK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
