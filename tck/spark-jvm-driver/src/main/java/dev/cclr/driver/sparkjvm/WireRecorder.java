package dev.cclr.driver.sparkjvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.sparkproject.io.grpc.CallOptions;
import org.sparkproject.io.grpc.Channel;
import org.sparkproject.io.grpc.ClientCall;
import org.sparkproject.io.grpc.ClientInterceptor;
import org.sparkproject.io.grpc.ForwardingClientCall;
import org.sparkproject.io.grpc.ForwardingClientCallListener;
import org.sparkproject.io.grpc.Metadata;
import org.sparkproject.io.grpc.MethodDescriptor;
import org.sparkproject.io.grpc.Status;

/**
 * Records, on the client side, a summary of every RPC the real client makes: which method, what
 * it asked for, and how the call ended.
 *
 * <p>This is how the kit knows what the client under test actually did (inline or chunked, how
 * many chunks, which uploads) whatever the server is. It plugs into the client through its
 * public builder hook, which takes an interceptor of the client's own (relocated) gRPC.
 */
final class WireRecorder implements ClientInterceptor {

  private final List<WireCall> calls = new ArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    WireCall call = new WireCall(sequence.getAndIncrement(), method.getBareMethodName());
    synchronized (calls) {
      calls.add(call);
    }
    return new ForwardingClientCall.SimpleForwardingClientCall<Q, R>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<R>(listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            call.closed(status.getCode().name());
            super.onClose(status, trailers);
          }
        }, headers);
      }

      @Override
      public void sendMessage(Q message) {
        call.request(message);
        super.sendMessage(message);
      }
    };
  }

  Map<String, Object> toJson() {
    List<Object> out = new ArrayList<>();
    synchronized (calls) {
      for (WireCall c : calls) {
        out.add(c.toJson());
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calls", out);
    return m;
  }
}
