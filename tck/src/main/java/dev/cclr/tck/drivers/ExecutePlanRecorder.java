package dev.cclr.tck.drivers;

import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server interceptor that keeps every ExecutePlan request a server receives, so a test can
 * check from the server's side what plan a real client sent (for instance that a large
 * createDataFrame really arrived as a chunked cached local relation with a repeated chunk).
 *
 * <p>It reads requests as the kit's own generated classes; a server that hands it anything else
 * makes {@link #relations()} fail instead of reporting nothing.
 */
public final class ExecutePlanRecorder implements ServerInterceptor {

  private static final String EXECUTE_PLAN = SparkConnectServiceGrpc.getExecutePlanMethod().getFullMethodName();

  private final List<ExecutePlanRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> unreadable = new CopyOnWriteArrayList<>();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    if (!EXECUTE_PLAN.equals(call.getMethodDescriptor().getFullMethodName())) {
      return listener;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(listener) {
      @Override
      public void onMessage(Q message) {
        if (message instanceof ExecutePlanRequest request) {
          requests.add(request);
        } else {
          unreadable.add(message == null ? "null" : message.getClass().getName());
        }
        super.onMessage(message);
      }
    };
  }

  /** The ExecutePlan requests received so far, in arrival order. */
  public List<ExecutePlanRequest> requests() {
    checkReadable();
    return List.copyOf(requests);
  }

  /** The local-data relations anywhere in the received plans, in arrival order. */
  public List<LocalDataRelation> relations() {
    checkReadable();
    List<LocalDataRelation> out = new ArrayList<>();
    for (ExecutePlanRequest r : requests) {
      out.addAll(PlanRelations.find(r.getPlan()));
    }
    return out;
  }

  /**
   * How many received plans were compressed: their relations are opaque bytes to this recorder,
   * so a test expecting a relation must check this is zero before trusting {@link #relations()}.
   */
  public long compressedPlans() {
    return requests.stream().filter(r -> r.getPlan().hasCompressedOperation()).count();
  }

  public void clear() {
    requests.clear();
    unreadable.clear();
  }

  private void checkReadable() {
    if (!unreadable.isEmpty()) {
      throw new IllegalStateException("ExecutePlan requests of unexpected classes " + unreadable
          + ": the server does not use dev.cclr.proto marshallers, so this recorder cannot read them");
    }
  }
}
