package dev.cclr.tck.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The bench's rows, made from a seed: {@code id BIGINT NOT NULL} counting from 0 and {@code s
 * STRING} of exactly {@value #STRING_LENGTH} ASCII characters. The string of row {@code id} is a
 * slice of a 64 KiB pseudo-random pool, chosen by {@code id % }{@value #PERIOD}, so that a chunk is
 * made at memory-copy speed, any row can be made on its own, and a result of {@value #PERIOD}
 * rows can be pre-encoded once and replayed with other ids (the no-op sink does that).
 *
 * <p>Each chunk is one complete Arrow IPC stream of record batches of at most {@value
 * #BATCH_ROWS} rows (about 4 MB, the size Spark's own Arrow writers aim at).
 */
public final class BenchData {
  public static final int STRING_LENGTH = 1000;
  public static final int PERIOD = 10_000;
  public static final int BATCH_ROWS = 4096;
  static final int POOL_SIZE = 64 * 1024;
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  public static final Schema SCHEMA = new Schema(List.of(
      new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
      new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

  /** The schema blob, in the JSON form Spark's Scala client sends ({@code StructType.json}). */
  public static final String SCHEMA_JSON =
      "{\"type\":\"struct\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}},"
          + "{\"name\":\"s\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";

  private static final ConcurrentHashMap<Long, BenchData> BY_SEED = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, Integer> ROWS_PER_CHUNK = new ConcurrentHashMap<>();

  private final long seed;
  private final byte[] pool = new byte[POOL_SIZE];
  private final int[] crcByResidue = new int[PERIOD];
  private final int shift;

  private BenchData(long seed) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < POOL_SIZE; i++) {
      pool[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    this.shift = random.nextInt(POOL_SIZE - STRING_LENGTH);
    CRC32 crc = new CRC32();
    for (int r = 0; r < PERIOD; r++) {
      crc.reset();
      crc.update(pool, offset(r), STRING_LENGTH);
      crcByResidue[r] = (int) crc.getValue();
    }
  }

  public static BenchData of(long seed) {
    return BY_SEED.computeIfAbsent(seed, BenchData::new);
  }

  public long seed() {
    return seed;
  }

  private int offset(long residue) {
    return (int) ((residue * 7919 + shift) % (POOL_SIZE - STRING_LENGTH));
  }

  /** Where the string of row {@code id} starts in {@link #pool()}. */
  public int stringOffset(long id) {
    return offset(Math.floorMod(id, PERIOD));
  }

  /** The string of row {@code id}, for tests and small checks. */
  public String string(long id) {
    return new String(pool, stringOffset(id), STRING_LENGTH, StandardCharsets.US_ASCII);
  }

  /** CRC32 of the string of row {@code id}. */
  public int stringCrc(long id) {
    return crcByResidue[Math.floorMod(id, PERIOD)];
  }

  byte[] pool() {
    return pool;
  }

  /** The checksum of rows {@code [firstId, firstId + rows)}, computed without making them. */
  public RowChecksum checksum(long firstId, long rows) {
    RowChecksum sum = new RowChecksum();
    for (long id = firstId; id < firstId + rows; id++) {
      sum.add(id, stringCrc(id));
    }
    return sum;
  }

  /** Rows {@code [firstId, firstId + rows)} as one Arrow IPC stream of batches of at most {@code batchRows}. */
  public byte[] encode(long firstId, int rows, int batchRows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * (STRING_LENGTH + 16) + 4096);
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      BigIntVector ids = (BigIntVector) root.getVector(0);
      VarCharVector strings = (VarCharVector) root.getVector(1);
      writer.start();
      for (int done = 0; done < rows; ) {
        int n = Math.min(batchRows, rows - done);
        root.clear();
        ids.allocateNew(n);
        strings.allocateNew((long) n * STRING_LENGTH, n);
        for (int i = 0; i < n; i++) {
          long id = firstId + done + i;
          ids.set(i, id);
          strings.set(i, pool, stringOffset(id), STRING_LENGTH);
        }
        root.setRowCount(n);
        writer.writeBatch();
        done += n;
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The encoded size of a chunk of {@code rows} rows (independent of the seed and the ids). */
  static long encodedSize(int rows) {
    return of(0).encode(0, rows, BATCH_ROWS).length;
  }

  /** The most rows whose chunk (batches of {@value #BATCH_ROWS} rows) fits in {@code chunkBytes}. */
  public static int rowsPerChunk(int chunkBytes) {
    if (chunkBytes < 64 * 1024) {
      throw new IllegalArgumentException("chunks must be at least 64 KiB, got " + chunkBytes);
    }
    return ROWS_PER_CHUNK.computeIfAbsent(chunkBytes, BenchData::computeRowsPerChunk);
  }

  private static int computeRowsPerChunk(int chunkBytes) {
    int rows = Math.max(1, (chunkBytes - 4096) / (STRING_LENGTH + 13));
    long size = encodedSize(rows);
    // The size grows by ~1012 bytes per row plus a batch header every BATCH_ROWS rows: converge.
    for (int i = 0; i < 20 && size > chunkBytes; i++) {
      rows -= (int) ((size - chunkBytes) / (STRING_LENGTH + 12)) + 1;
      size = encodedSize(rows);
    }
    while (true) {
      int step = (int) Math.max(1, (chunkBytes - size) / (STRING_LENGTH + 16));
      long next = encodedSize(rows + step);
      if (next > chunkBytes) {
        if (step == 1) {
          return rows;
        }
        // Overshot by a header: finish one row at a time.
        while (encodedSize(rows + 1) <= chunkBytes) {
          rows++;
        }
        return rows;
      }
      rows += step;
      size = next;
    }
  }

  /**
   * Row checksum: the row count, the sum of ids, and an order-independent sum over rows of a mix
   * of the id with the CRC32 of its string. Order independence lets a server return rows in any
   * order (none of the servers measured reorders, but the protocol does not promise order).
   */
  public static final class RowChecksum {
    private long rows;
    private long idSum;
    private long stringHash;

    public void add(long id, int stringCrc) {
      rows++;
      idSum += id;
      stringHash += fmix64(id * 0x9E3779B97F4A7C15L ^ (stringCrc & 0xFFFFFFFFL));
    }

    public void addAll(RowChecksum other) {
      rows += other.rows;
      idSum += other.idSum;
      stringHash += other.stringHash;
    }

    public long rows() {
      return rows;
    }

    public long idSum() {
      return idSum;
    }

    public long stringHash() {
      return stringHash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RowChecksum c && c.rows == rows && c.idSum == idSum && c.stringHash == stringHash;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(rows * 31 + idSum * 17 + stringHash);
    }

    @Override
    public String toString() {
      return "rows=" + rows + " id_sum=" + idSum + " string_hash=" + Long.toHexString(stringHash);
    }

    private static long fmix64(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      k *= 0xc4ceb9fe1a85ec53L;
      k ^= k >>> 33;
      return k;
    }
  }
}
