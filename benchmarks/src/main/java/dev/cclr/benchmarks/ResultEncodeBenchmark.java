package dev.cclr.benchmarks;

import com.google.protobuf.ByteString;
import dev.cclr.server.execution.PagedOutput;
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
 * root, written through ArrowStreamWriter: into a byte array then copied into a ByteString (what
 * the server did before issue 18) or into {@code PagedOutput}'s pages (what it does now). 2500
 * rows is about 2.5 MB, under 70% of 4 MiB; 10000 rows is maxRecordsPerBatch.
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

  /** As the server encodes now: into 256 KiB pages wrapped as a ByteString rope, one copy. */
  @Benchmark
  public ByteString encodeSliceIntoPages() throws Exception {
    try (VectorSchemaRoot slice = root.slice(1000, rows)) {
      PagedOutput out = new PagedOutput();
      try (ArrowStreamWriter writer = new ArrowStreamWriter(slice, null, out)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
      return out.toByteString();
    }
  }

  /** What the server did before: the array above, copied once more into a ByteString. */
  @Benchmark
  public ByteString encodeSliceThenCopy() throws Exception {
    return ByteString.copyFrom(encodeSlice());
  }
}
