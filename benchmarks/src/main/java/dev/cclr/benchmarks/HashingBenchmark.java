package dev.cclr.benchmarks;

import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the server computes over every uploaded byte: SHA-256 of the whole 16 MiB chunk (to check
 * a cache/ name in strict mode) and CRC32 per 32 KiB piece (the AddArtifacts framing). ms per
 * 16 MiB chunk: 16.78 / ms = MB/s / 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class HashingBenchmark {
  static final int CHUNK = 16 << 20;
  static final int PIECE = 32 << 10;

  byte[] chunk;

  @Setup
  public void setUp() {
    chunk = new byte[CHUNK];
    new java.util.Random(1).nextBytes(chunk);
  }

  @Benchmark
  public byte[] sha256() throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(chunk);
  }

  @Benchmark
  public long crc32Per32KiBPiece() {
    long sum = 0;
    CRC32 crc = new CRC32();
    for (int off = 0; off < CHUNK; off += PIECE) {
      crc.reset();
      crc.update(chunk, off, PIECE);
      sum += crc.getValue();
    }
    return sum;
  }

  @Benchmark
  public long sha256AndCrc32() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    CRC32 crc = new CRC32();
    long sum = 0;
    for (int off = 0; off < CHUNK; off += PIECE) {
      crc.reset();
      crc.update(chunk, off, PIECE);
      sum += crc.getValue();
      sha.update(chunk, off, PIECE);
    }
    return sum + sha.digest()[0];
  }
}
