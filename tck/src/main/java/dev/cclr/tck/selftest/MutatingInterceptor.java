package dev.cclr.tck.selftest;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/** Puts a {@link Mutation} between the reference server and its clients. */
public final class MutatingInterceptor implements ServerInterceptor {
  private final Mutation mutation;

  public MutatingInterceptor(Mutation mutation) {
    this.mutation = mutation;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    ServerCall<Q, R> mutated = new ForwardingServerCall.SimpleForwardingServerCall<Q, R>(call) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(R message) {
        Message out = mutation.response(method, (Message) message);
        if (out != null) {
          super.sendMessage((R) out);
        }
      }

      @Override
      public void close(Status status, Metadata trailers) {
        Mutation.Ending e = mutation.end(method, status, trailers);
        super.close(e.status(), e.trailers());
      }
    };
    ServerCall.Listener<Q> listener = next.startCall(mutated, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(listener) {
      @Override
      @SuppressWarnings("unchecked")
      public void onMessage(Q message) {
        super.onMessage((Q) mutation.request(method, (Message) message));
      }
    };
  }
}
