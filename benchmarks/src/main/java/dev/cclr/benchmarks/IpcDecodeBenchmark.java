package dev.cclr.benchmarks;

import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import dev.cclr.server.relations.ipc.ChannelInputStream;
import dev.cclr.server.relations.ipc.ChunkSource;
import dev.cclr.server.relations.ipc.ConcatenatedArrowStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one 16 MiB chunk (batches of 4096 rows): with plain Arrow Java ({@code
 * ArrowStreamReader} over the bytes) and the way the reference server reads a cached chunk
 * ({@code relations.ipc.ConcatenatedArrowStream}: Arrow's message reader behind a bounded
 * reader, with every batch validated).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class IpcDecodeBenchmark {
  BufferAllocator allocator;
  byte[] chunk;

  @Setup
  public void setUp() {
    allocator = new RootAllocator();
    chunk = ChunkData.chunk(allocator, 16 << 20);
  }

  @TearDown
  public void tearDown() {
    allocator.close();
  }

  @Benchmark
  public long arrowStreamReader() throws Exception {
    long rows = 0;
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(chunk), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        rows += root.getRowCount();
      }
    }
    return rows;
  }

  /** The reference server's reader over a plain stream: a BufferedInputStream, 8 KiB copies into Arrow. */
  @Benchmark
  public long referenceServerChunkReader() {
    return read(new ChunkSource() {
      @Override
      public long size() {
        return chunk.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(chunk);
      }
    });
  }

  /**
   * As the server reads an in-memory blob now: a channel over the 32 KiB pieces it arrived in
   * ({@code ByteBuffersChannel}), copied once straight into Arrow's buffers.
   */
  @Benchmark
  public long referenceServerChunkReaderOverPieces() {
    List<ByteBuffer> pieces = new ArrayList<>();
    for (int from = 0; from < chunk.length; from += 32 << 10) {
      pieces.add(ByteBuffer.wrap(chunk, from, Math.min(32 << 10, chunk.length - from)).slice());
    }
    return read(new ChunkSource() {
      @Override
      public long size() {
        return chunk.length;
      }

      @Override
      public InputStream open() {
        return new ChannelInputStream(new ByteBuffersChannel(pieces), () -> {});
      }
    });
  }

  private long read(ChunkSource source) {
    long rows = 0;
    try (ConcatenatedArrowStream stream = new ConcatenatedArrowStream(List.of(source), allocator)) {
      VectorSchemaRoot root;
      while ((root = stream.nextBatch()) != null) {
        rows += root.getRowCount();
      }
    }
    return rows;
  }
}
