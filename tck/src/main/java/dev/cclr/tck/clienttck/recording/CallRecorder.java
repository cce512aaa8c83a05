package dev.cclr.tck.clienttck.recording;

import com.google.protobuf.Message;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.tck.client.RemoteError;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Records every call a client makes to the reference server, and plays the case's
 * {@link ServerScript} on the way: it may leave absent names out of status answers, spoil one
 * CRC, cut an ExecutePlan short after its first batch, or restart the session after the first
 * ExecutePlan. Requests are recorded as the client sent them, before any scripted change, so that
 * checks judge the client and not the script.
 */
public final class CallRecorder implements ServerInterceptor {

  private final ServerScript script;
  private final BiConsumer<String, String> sessionRestarter;
  private final List<CallRecord> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger seq = new AtomicInteger();
  private final AtomicBoolean crcSpoilt = new AtomicBoolean();
  private final AtomicBoolean restarted = new AtomicBoolean();

  /**
   * @param sessionRestarter drops a session (user id, session id) as a server restart would
   */
  public CallRecorder(ServerScript script, BiConsumer<String, String> sessionRestarter) {
    this.script = script;
    this.sessionRestarter = sessionRestarter;
  }

  /** The calls so far, in the order they started. */
  public List<CallRecord> calls() {
    return List.copyOf(calls);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    CallRecord record = new CallRecord(seq.incrementAndGet(), method, textHeaders(headers));
    calls.add(record);
    ScriptedCall<Q, R> scripted = new ScriptedCall<>(call, record);
    ServerCall.Listener<Q> listener = next.startCall(scripted, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(listener) {
      @Override
      public void onMessage(Q message) {
        // Kept after this call returns, so a copy of its own: the reference server lends an
        // AddArtifacts request's bytes from gRPC's buffers only until onMessage returns.
        record.addRequest(ownedCopy((Message) message));
        if (message instanceof ExecutePlanRequest e) {
          scripted.userId = e.getUserContext().getUserId();
          scripted.sessionId = e.getSessionId();
        }
        super.onMessage(spoilCrcOnce(message, record));
      }
    };
  }

  /** The message parsed again from a serialized copy, so that none of its bytes alias another buffer. */
  private static Message ownedCopy(Message m) {
    try {
      return m.getParserForType().parseFrom(m.toByteArray());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("a message that was just serialized does not parse", e);
    }
  }

  @SuppressWarnings("unchecked")
  private <Q> Q spoilCrcOnce(Q message, CallRecord record) {
    if (!script.corruptFirstCrc() || !(message instanceof AddArtifactsRequest a)) {
      return message;
    }
    AddArtifactsRequest.Builder b = a.toBuilder();
    String name;
    if (a.hasBatch() && a.getBatch().getArtifactsCount() > 0) {
      name = a.getBatch().getArtifacts(0).getName();
      b.getBatchBuilder().getArtifactsBuilder(0).getDataBuilder().setCrc(a.getBatch().getArtifacts(0).getData().getCrc() ^ 1);
    } else if (a.hasBeginChunk()) {
      name = a.getBeginChunk().getName();
      b.getBeginChunkBuilder().getInitialChunkBuilder().setCrc(a.getBeginChunk().getInitialChunk().getCrc() ^ 1);
    } else {
      return message;
    }
    if (!crcSpoilt.compareAndSet(false, true)) {
      return message;
    }
    record.addScripted("spoilt the CRC of the first piece of " + name);
    return (Q) b.build();
  }

  private static Map<String, String> textHeaders(Metadata headers) {
    Map<String, String> out = new TreeMap<>();
    for (String key : headers.keys()) {
      if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        String value = headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        if (value != null) {
          out.put(key, value);
        }
      }
    }
    return out;
  }

  /** The server's side of one call, with the script's changes to what goes back to the client. */
  private final class ScriptedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private final CallRecord record;
    private final String method;
    private boolean closedByScript;
    volatile String userId;
    volatile String sessionId;

    ScriptedCall(ServerCall<Q, R> delegate, CallRecord record) {
      super(delegate);
      this.record = record;
      this.method = record.method();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void sendMessage(R message) {
      if (closedByScript) {
        return;
      }
      R out = message;
      if (script.omitAbsentFromStatus() && message instanceof ArtifactStatusesResponse r) {
        out = (R) omitAbsent(r);
      }
      record.addResponse((Message) out);
      super.sendMessage(out);
      if (script.failExecuteAfterFirstBatch() && method.equals("ExecutePlan")
          && message instanceof ExecutePlanResponse e && e.hasArrowBatch() && e.getArrowBatch().getRowCount() > 0) {
        closedByScript = true;
        record.addScripted("ended the call with INTERNAL after the first result batch");
        Status failure = Status.INTERNAL.withDescription("recording server: scripted failure after the first result batch");
        record.end(failure, RemoteError.from(failure.asRuntimeException()));
        super.close(failure, new Metadata());
      }
    }

    private ArtifactStatusesResponse omitAbsent(ArtifactStatusesResponse r) {
      ArtifactStatusesResponse.Builder b = r.toBuilder().clearStatuses();
      r.getStatusesMap().forEach((name, status) -> {
        if (status.getExists()) {
          b.putStatuses(name, status);
        }
      });
      if (b.getStatusesCount() != r.getStatusesCount()) {
        record.addScripted("left " + (r.getStatusesCount() - b.getStatusesCount()) + " absent name(s) out of the answer");
      }
      return b.build();
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      if (closedByScript) {
        return;
      }
      record.end(status, status.isOk() ? null : RemoteError.from(status.asRuntimeException(trailers)));
      super.close(status, trailers);
      if (script.restartSessionAfterFirstExecute() && method.equals("ExecutePlan") && userId != null
          && restarted.compareAndSet(false, true)) {
        record.addScripted("restarted the session after this call");
        sessionRestarter.accept(userId, sessionId);
      }
    }
  }
}
