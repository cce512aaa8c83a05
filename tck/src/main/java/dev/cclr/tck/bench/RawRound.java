package dev.cclr.tck.bench;

import dev.cclr.tck.client.ConnectSession;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * A round against the {@link RawSink}: the relation's byte count streamed up in pieces of the
 * bench's message size, then streamed down in 4 MiB messages, with the phase boundaries where a
 * real round has them; "verified" means every byte arrived both ways.
 */
final class RawRound {
  static final int DOWNLOAD_MESSAGE = 4 << 20;

  private RawRound() {}

  static Round run(BenchTarget target, DataSet data, int pieceSize, Duration timeout) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", target.uri().port()).usePlaintext()
        .maxInboundMessageSize(RawSink.MAX_MESSAGE).build();
    try {
      long total = data.totalBytes();
      long pid = target.pid().orElse(-1);
      Costs.Sample s0 = Costs.Sample.take(pid);
      long start = System.nanoTime();
      long received = upload(channel, total, pieceSize, timeout);
      long uploaded = System.nanoTime();
      Costs.Sample s1 = Costs.Sample.take(pid);
      long downloaded = 0;
      Iterator<byte[]> it = ClientCalls.blockingServerStreamingCall(channel, RawSink.DOWNLOAD,
          CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS),
          RawSink.encodeLongs(total, DOWNLOAD_MESSAGE));
      while (it.hasNext()) {
        downloaded += it.next().length;
      }
      long executed = System.nanoTime();
      Costs.Sample s2 = Costs.Sample.take(pid);
      String problem = received != total ? "the raw sink received " + received + " of " + total + " bytes"
          : downloaded != total ? "downloaded " + downloaded + " of " + total + " bytes" : null;
      return new Round(target.label, total, data.totalRows(), (uploaded - start) / 1e9, (executed - uploaded) / 1e9,
          problem == null, problem, Costs.Sample.between(s0, s1, s2));
    } finally {
      channel.shutdownNow();
    }
  }

  /** Streams {@code total} bytes up under flow control; returns the count the sink confirms. */
  private static long upload(ManagedChannel channel, long total, int pieceSize, Duration timeout) {
    // The same readiness threshold as the kit client's uploads, so that the ceiling is measured
    // with the same client discipline as the servers it bounds.
    ClientCall<byte[], byte[]> call = channel.newCall(RawSink.UPLOAD,
        CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .withOnReadyThreshold(ConnectSession.UPLOAD_ON_READY_THRESHOLD));
    Object ready = new Object();
    long[] result = {-1};
    Status[] status = {null};
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onMessage(byte[] message) {
        result[0] = RawSink.decodeLong(message, 0);
      }

      @Override
      public void onReady() {
        synchronized (ready) {
          ready.notifyAll();
        }
      }

      @Override
      public void onClose(Status s, Metadata trailers) {
        synchronized (ready) {
          status[0] = s;
          ready.notifyAll();
        }
      }
    }, new Metadata());
    call.request(1);
    byte[] piece = new byte[pieceSize];
    try {
      for (long sent = 0; sent < total; ) {
        synchronized (ready) {
          while (!call.isReady() && status[0] == null) {
            ready.wait(100);
          }
          if (status[0] != null) {
            throw new IllegalStateException("raw upload ended early: " + status[0]);
          }
        }
        int n = (int) Math.min(pieceSize, total - sent);
        call.sendMessage(n == pieceSize ? piece : new byte[n]);
        sent += n;
      }
      call.halfClose();
      synchronized (ready) {
        while (status[0] == null) {
          ready.wait(100);
        }
      }
    } catch (InterruptedException e) {
      call.cancel("interrupted", e);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (!status[0].isOk()) {
      throw new IllegalStateException("raw upload failed: " + status[0]);
    }
    return result[0];
  }
}
