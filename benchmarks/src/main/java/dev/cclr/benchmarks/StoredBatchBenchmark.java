package dev.cclr.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.cclr.server.execution.PagedOutput;
import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import dev.cclr.server.relations.ipc.ChannelInputStream;
import dev.cclr.server.relations.ipc.ChunkSource;
import dev.cclr.server.relations.ipc.ConcatenatedArrowStream;
import dev.cclr.server.relations.ipc.StoredBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
 * One 16 MiB chunk (batches of 4096 rows, kept as the 32 KiB pieces it arrived in) turned into
 * result batch bytes and written out as gRPC's framer does (the ExecutePlanResponse serialized
 * into an output stream that copies into a reused buffer, as gRPC's into netty's): decoded and encoded again into pages (the server's path for
 * batches that need a conversion, and before issue 18 for every batch), or sent as stored
 * ({@link StoredBatch}: the stored metadata and body wrapped, not copied).
 *
 * <p>{@code storage} says where the chunk is kept: {@code pieces} (in memory, as the 32 KiB pieces
 * it arrived in), {@code file-read} (a spill file opened read-only, so every body is read into new
 * Arrow memory, the path before issue 18's fourth step) or {@code file-mapped} (a spill file opened
 * as {@code FileBlob} opens it, so bodies of 256 KiB or more are mapped: {@code MappedBodies}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class StoredBatchBenchmark {
  private static final ByteString EOS = ByteString.copyFrom(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});

  @Param({"pieces", "file-read", "file-mapped"})
  public String storage;

  BufferAllocator allocator;
  List<ByteBuffer> pieces;
  java.nio.file.Path file;
  long size;

  @Setup
  public void setUp() {
    allocator = new RootAllocator();
    byte[] chunk = ChunkData.chunk(allocator, 16 << 20);
    size = chunk.length;
    pieces = new ArrayList<>();
    for (int from = 0; from < chunk.length; from += 32 << 10) {
      pieces.add(ByteBuffer.wrap(chunk, from, Math.min(32 << 10, chunk.length - from)).slice());
    }
    try {
      file = java.nio.file.Files.createTempFile("cclr-bench-chunk", ".arrows");
      java.nio.file.Files.write(file, chunk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    java.nio.file.Files.deleteIfExists(file);
    allocator.close();
  }

  @Benchmark
  public long decodeAndEncode() throws IOException {
    long bytes = 0;
    try (ConcatenatedArrowStream stream = new ConcatenatedArrowStream(List.of(source()), allocator)) {
      VectorSchemaRoot root;
      while ((root = stream.nextBatch()) != null) {
        PagedOutput out = new PagedOutput();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
          writer.start();
          writer.writeBatch();
          writer.end();
        }
        bytes += send(out.toByteString());
      }
    }
    return bytes;
  }

  @Benchmark
  public long sentAsStored() throws IOException {
    long bytes = 0;
    try (ConcatenatedArrowStream stream = new ConcatenatedArrowStream(List.of(source()), allocator)) {
      PagedOutput schemaOut = new PagedOutput();
      org.apache.arrow.vector.ipc.message.MessageSerializer.serialize(
          new org.apache.arrow.vector.ipc.WriteChannel(schemaOut), stream.schema());
      ByteString schema = schemaOut.toByteString();
      while (stream.nextBatch() != null) {
        StoredBatch batch = stream.storedBatch();
        ByteBuffer prefix = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .putInt(-1).putInt(batch.metadata().remaining()).flip();
        ByteString data = ByteString.copyFrom(List.of(schema, UnsafeByteOperations.unsafeWrap(prefix),
            UnsafeByteOperations.unsafeWrap(batch.metadata()),
            UnsafeByteOperations.unsafeWrap(batch.body().nioBuffer(0, (int) batch.bodyLength())), EOS));
        bytes += send(data);
      }
    }
    return bytes;
  }

  private ChunkSource source() {
    return new ChunkSource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public InputStream open() throws IOException {
        return switch (storage) {
          case "pieces" -> new ChannelInputStream(new ByteBuffersChannel(pieces), () -> {});
          case "file-read" -> new ChannelInputStream(java.nio.channels.FileChannel.open(file), () -> {});
          case "file-mapped" -> new ChannelInputStream(java.nio.channels.FileChannel.open(file,
              java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE), () -> {});
          default -> throw new IllegalArgumentException(storage);
        };
      }
    };
  }

  private final byte[] transport = new byte[1 << 20];

  /** As gRPC's framer: the response serialized by protobuf into a stream copying into a buffer. */
  private long send(ByteString data) {
    OutputStream sink = new OutputStream() {
      int at;

      @Override
      public void write(int b) {
        transport[at++ % transport.length] = (byte) b;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        while (len > 0) {
          int n = Math.min(len, transport.length - at % transport.length);
          System.arraycopy(b, off, transport, at % transport.length, n);
          at += n;
          off += n;
          len -= n;
        }
      }
    };
    try {
      dev.cclr.proto.ExecutePlanResponse.newBuilder().setArrowBatch(
          dev.cclr.proto.ExecutePlanResponse.ArrowBatch.newBuilder().setData(data).setRowCount(1))
          .build().writeTo(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return data.size();
  }
}
