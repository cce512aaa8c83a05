package dev.cclr.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.server.relations.PlannerOptions;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBodyCompression;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SRV-SEC-007: decompression bombs. A chunk of a few kilobytes whose one int column is a real ZSTD
 * or LZ4 frame of 1 GiB of zeros is refused before anything is decompressed, whether it declares
 * its 1 GiB honestly or lies (declares 1 MiB and expands further): the server's Arrow memory peak
 * stays in megabytes. The limit follows the session's localRelationChunkSizeLimit, and a batch
 * within the limit still decodes.
 */
class DecompressionBombTest {

  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;
  /** Far below the 1 GiB a bomb would take, and above what the small cases below need. */
  private static final long PEAK_BOUND = 16 * MIB;

  private static byte[] zstdGiB;
  private static byte[] lz4GiB;

  @TempDir Path dir;

  @BeforeAll
  static void makeBombs() throws IOException {
    zstdGiB = frameOfZeros(GIB, true);
    lz4GiB = frameOfZeros(GIB, false);
  }

  @Test
  void bombsAreRefusedWithoutBeingExpanded() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.planner(new ReferenceRelationPlanner()))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      System.out.printf("bombs: zstd frame %d bytes, lz4 frame %d bytes, each 1 GiB uncompressed%n",
          zstdGiB.length, lz4GiB.length);

      for (CompressionUtil.CodecType codec : List.of(CompressionUtil.CodecType.ZSTD, CompressionUtil.CodecType.LZ4_FRAME)) {
        byte[] frame = codec == CompressionUtil.CodecType.ZSTD ? zstdGiB : lz4GiB;
        // Declared honestly: refused by the limit (256 MiB by default) before any allocation.
        Errors honest = run(rpc, "honest-" + codec, chunk(codec, GIB, frame));
        honest.expectClass("CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED", "54000");
        assertEquals(Status.Code.INTERNAL, honest.code());
        assertTrue(honest.params().contains("\"limit\":\"268435456\""), honest.params());
        assertTrue(honest.params().contains("\"declaredBytes\":\"" + GIB + "\""), honest.params());
        assertPeakBounded(t, codec + " honest");

        // Lying: declares 1 MiB (within the limit) but expands to 1 GiB; decompression stops at the declared size.
        Errors lie = run(rpc, "lie-" + codec, chunk(codec, MIB, frame));
        assertEquals(Status.Code.INTERNAL, lie.code());
        assertNotEquals("CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED", lie.errorClass());
        System.out.printf("bomb %s lying: %s%n", codec, lie.description());
        assertPeakBounded(t, codec + " lying");
      }
      assertEquals(0, t.server.arrowMemoryInUse());
    }
  }

  @Test
  void theLimitFollowsTheSessionsChunkSizeLimit() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.planner(new ReferenceRelationPlanner()))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      byte[] twoMiB = chunk(CompressionUtil.CodecType.ZSTD, 2 * MIB, frameOfZeros(2 * MIB, true));
      // Within the default limit: decodes to 512 Ki zeros.
      rpc.put("cache/two", twoMiB);
      List<Long> rows = Rpc.rows(rpc.collect(rpc.execute(relation("two")).build()));
      assertEquals(512 * 1024, rows.size());
      assertTrue(rows.stream().allMatch(v -> v == 0L));
      // A session that lowers localRelationChunkSizeLimit to 1 MiB lowers the limit with it.
      rpc.set("spark.sql.session.localRelationChunkSizeLimit", String.valueOf(MIB));
      Errors refused = run(rpc, "two-again", twoMiB);
      refused.expectClass("CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED", "54000");
      assertTrue(refused.params().contains("\"limit\":\"" + MIB + "\""), refused.params());
      assertEquals(0, t.server.arrowMemoryInUse());
    }
  }

  @Test
  void theOperatorCanLowerTheLimit() throws Exception {
    // What --max-decompressed-batch-size sets for the default planner.
    PlannerOptions options = PlannerOptions.DEFAULT.withMaxDecompressedBatchBytes(MIB);
    try (TestServer t = new TestServer(dir, b -> b.planner(new ReferenceRelationPlanner(options)))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      Errors refused = run(rpc, "two", chunk(CompressionUtil.CodecType.LZ4_FRAME, 2 * MIB, frameOfZeros(2 * MIB, false)));
      refused.expectClass("CCLR_DECOMPRESSED_SIZE_LIMIT_EXCEEDED", "54000");
      assertTrue(refused.params().contains("\"limit\":\"" + MIB + "\""), refused.params());
    }
  }

  private static void assertPeakBounded(TestServer t, String what) {
    long peak = t.server.arrowMemoryPeak();
    System.out.printf("bomb %s: server Arrow memory peak %d bytes%n", what, peak);
    assertTrue(peak < PEAK_BOUND, what + ": the server allocated " + peak + " bytes of Arrow memory");
  }

  private static Errors run(Rpc rpc, String hash, byte[] chunk) throws Exception {
    rpc.put("cache/" + hash, chunk);
    Errors e = Errors.thrownBy(() -> rpc.collect(rpc.execute(relation(hash)).build()));
    // The session stays usable.
    assertEquals(3, Rpc.rows(rpc.collect(rpc.execute(Rpc.range(3)).build())).size());
    return e;
  }

  private static Relation relation(String hash) {
    return Relation.newBuilder().setChunkedCachedLocalRelation(
        ChunkedCachedLocalRelation.newBuilder().addDataHashes(hash)).build();
  }

  /** One frame of the given number of zero bytes, written in 1 MiB pieces (never held whole). */
  private static byte[] frameOfZeros(long bytes, boolean zstd) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[(int) MIB];
    try (OutputStream c = zstd ? new ZstdOutputStream(out) : new FramedLZ4CompressorOutputStream(out)) {
      for (long written = 0; written < bytes; written += zeros.length) {
        c.write(zeros, 0, (int) Math.min(zeros.length, bytes - written));
      }
    }
    return out.toByteArray();
  }

  /**
   * An IPC stream: schema (one non-null int32 column), one record batch compressed with the codec
   * whose data buffer is the frame after an 8-byte declared length, and the end marker. The batch
   * claims as many rows as the declared length holds ints; its validity buffer is empty (no nulls).
   */
  static byte[] chunk(CompressionUtil.CodecType codec, long declared, byte[] frame) {
    Schema schema = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(32, true))));
    int rows = (int) Math.min(Integer.MAX_VALUE, declared / 4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BufferAllocator al = new RootAllocator();
         ArrowBuf validity = al.buffer(0);
         ArrowBuf data = al.buffer(8 + frame.length)) {
      data.setLong(0, declared);
      data.setBytes(8, frame);
      data.writerIndex(8 + frame.length);
      WriteChannel channel = new WriteChannel(Channels.newChannel(out));
      MessageSerializer.serialize(channel, schema);
      try (ArrowRecordBatch batch = new ArrowRecordBatch(rows, List.of(new ArrowFieldNode(rows, 0)),
          List.of(validity, data), new ArrowBodyCompression(codec.getType(), org.apache.arrow.flatbuf.BodyCompressionMethod.BUFFER))) {
        MessageSerializer.serialize(channel, batch);
      }
      ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
