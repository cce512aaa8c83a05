package dev.cclr.tck.bench;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The transport's own ceiling: a minimal grpc-java byte-stream service with nothing of Spark
 * Connect in it. {@code Upload} is a client stream of byte messages (the bench sends 32 KiB
 * ones, as AddArtifacts pieces are) answered with the byte count; {@code Download} streams the
 * asked number of bytes back in messages of the asked size (the bench asks for 4 MiB, the size
 * of a result batch) under flow control. Each side reads every message into a byte array, the
 * one copy out of the transport any real server or client makes.
 */
public final class RawSink {
  static final String SERVICE = "cclr.bench.Raw";
  static final int MAX_MESSAGE = 64 << 20;

  /** Byte arrays as messages; a long as an 8-byte message. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  static final MethodDescriptor<byte[], byte[]> UPLOAD = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
      .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Upload"))
      .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

  static final MethodDescriptor<byte[], byte[]> DOWNLOAD = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
      .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Download"))
      .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

  private RawSink() {}

  /** {@code java -cp tck.jar dev.cclr.tck.bench.RawSink [port]}: serves on 127.0.0.1 until killed. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Server server = start(port);
    System.out.println("raw sink listening on 127.0.0.1:" + server.getPort());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    server.awaitTermination();
  }

  static Server start(int port) throws IOException {
    ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
        .addMethod(UPLOAD, ServerCalls.asyncClientStreamingCall(RawSink::upload))
        .addMethod(DOWNLOAD, ServerCalls.asyncServerStreamingCall(RawSink::download))
        .build();
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .maxInboundMessageSize(MAX_MESSAGE)
        // Uploads where they arrive, as the reference server and the no-op sink run theirs.
        .callExecutor(dev.cclr.server.TransportThreadCalls.of(UPLOAD.getFullMethodName()))
        .addService(service).build().start();
  }

  static byte[] encodeLongs(long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  static long decodeLong(byte[] bytes, int index) {
    return ByteBuffer.wrap(bytes).getLong(8 * index);
  }

  private static StreamObserver<byte[]> upload(StreamObserver<byte[]> response) {
    return new StreamObserver<>() {
      private long received;

      @Override
      public void onNext(byte[] value) {
        received += value.length;
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        response.onNext(encodeLongs(received));
        response.onCompleted();
      }
    };
  }

  /** Request: total bytes, message size. Sends while the transport is ready. */
  private static void download(byte[] request, StreamObserver<byte[]> response) {
    long total = decodeLong(request, 0);
    int messageSize = (int) decodeLong(request, 1);
    if (total < 0 || messageSize <= 0 || messageSize > MAX_MESSAGE) {
      response.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription("bad download request").asRuntimeException());
      return;
    }
    byte[] message = new byte[messageSize];
    ServerCallStreamObserver<byte[]> call = (ServerCallStreamObserver<byte[]>) response;
    long[] sent = {0};
    boolean[] done = {false};
    call.setOnReadyHandler(() -> {
      synchronized (sent) {
        while (!done[0] && call.isReady() && !call.isCancelled()) {
          if (sent[0] >= total) {
            done[0] = true;
            call.onCompleted();
            return;
          }
          int n = (int) Math.min(messageSize, total - sent[0]);
          call.onNext(n == messageSize ? message : new byte[n]);
          sent[0] += n;
        }
      }
    });
  }

}
