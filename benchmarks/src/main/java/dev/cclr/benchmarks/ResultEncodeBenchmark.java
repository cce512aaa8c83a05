package dev.cclr.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one result batch as an IPC stream (schema, batch, end marker), as the reference
 * server's execution.ArrowIpc does for every ArrowBatch response: a slice of the decoded chunk's
 * root, written through ArrowStreamWriter into a byte array. 2500 rows is the batch the server
 * ends up sending for these 1 KB rows (about 2.5 MB, under 70% of 4 MiB); 10000 rows is
 * maxRecordsPerBatch, which the server encodes first and then halves twice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class ResultEncodeBenchmark {
  @Param({"2500", "10000"})
  int rows;

  BufferAllocator allocator;
  VectorSchemaRoot root;

  @Setup
  public void setUp() {
    allocator = new RootAllocator();
    root = ChunkData.root(allocator, 16384);
  }

  @TearDown
  public void tearDown() {
    root.close();
    allocator.close();
  }

  @Benchmark
  public byte[] encodeSlice() throws Exception {
    try (VectorSchemaRoot slice = root.slice(1000, rows)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter writer = new ArrowStreamWriter(slice, null, Channels.newChannel(out))) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
      return out.toByteArray();
    }
  }
}
