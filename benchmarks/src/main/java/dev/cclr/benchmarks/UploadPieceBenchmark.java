package dev.cclr.benchmarks;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.server.artifacts.AliasingMarshaller;
import dev.cclr.server.artifacts.LoanedBytesMarshaller;
import io.grpc.MethodDescriptor;
import io.grpc.internal.CompositeReadableBuffer;
import io.grpc.internal.ReadableBuffers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the server does with one 32 KiB AddArtifacts piece bound for a spill file, from the
 * message as gRPC hands it over (a stream over a direct buffer, as netty's are) to the page
 * cache: parse, CRC32, {@code FileChannel.write}. Copied out of the transport into an array of
 * its own ({@link AliasingMarshaller}, the path until the third step of issue 18: the write then
 * also goes through the JDK's temporary direct buffer) or parsed where it lies
 * ({@link LoanedBytesMarshaller}: no copy before the kernel's).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UploadPieceBenchmark {
  private static final MethodDescriptor.Marshaller<AddArtifactsRequest> GRPC =
      SparkConnectServiceGrpc.getAddArtifactsMethod().getRequestMarshaller();

  ByteBuffer message;
  AliasingMarshaller<AddArtifactsRequest> copying;
  LoanedBytesMarshaller<AddArtifactsRequest> loaning;
  Path file;
  FileChannel out;

  @Setup
  public void setUp() throws IOException {
    byte[] data = new byte[32 << 10];
    new Random(1).nextBytes(data);
    byte[] encoded = AddArtifactsRequest.newBuilder().setSessionId("00000000-0000-0000-0000-000000000001")
        .setChunk(AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(data)).setCrc(1))
        .build().toByteArray();
    message = ByteBuffer.allocateDirect(encoded.length).put(encoded).flip();
    copying = new AliasingMarshaller<>(AddArtifactsRequest.parser(), GRPC);
    loaning = new LoanedBytesMarshaller<>(AddArtifactsRequest.parser(), GRPC);
    file = Files.createTempFile("cclr-upload-bench-", ".part");
    out = FileChannel.open(file, StandardOpenOption.WRITE);
  }

  @TearDown
  public void tearDown() throws IOException {
    out.close();
    Files.deleteIfExists(file);
  }

  /**
   * The message as gRPC's deframer hands it to a marshaller: known length, detachable, byte
   * buffers, and in 16 KiB parts, as HTTP/2's default frame size cuts a 32 KiB piece.
   */
  private InputStream fromTheTransport() {
    CompositeReadableBuffer parts = new CompositeReadableBuffer();
    for (int from = 0; from < message.limit(); from += 16 << 10) {
      parts.addBuffer(ReadableBuffers.wrap(message.duplicate().position(from)
          .limit(Math.min(message.limit(), from + (16 << 10))).slice()));
    }
    return ReadableBuffers.openStream(parts, true);
  }

  private long crcAndWrite(AddArtifactsRequest request) throws IOException {
    ByteString data = request.getChunk().getData();
    CRC32 crc = new CRC32();
    for (ByteBuffer b : data.asReadOnlyByteBufferList()) {
      crc.update(b.duplicate());
      out.write(b, 0);
    }
    return crc.getValue();
  }

  @Benchmark
  public long copiedOutOfTheTransport() throws IOException {
    return crcAndWrite(copying.parse(fromTheTransport()));
  }

  @Benchmark
  public long loanedFromTheTransport() throws IOException {
    AddArtifactsRequest request = loaning.parse(fromTheTransport());
    try {
      return crcAndWrite(request);
    } finally {
      loaning.release(request);
    }
  }
}
