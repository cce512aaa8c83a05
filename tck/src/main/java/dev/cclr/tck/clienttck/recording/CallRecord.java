package dev.cclr.tck.clienttck.recording;

import com.google.protobuf.Message;
import dev.cclr.tck.client.RemoteError;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One RPC as the recording server saw it: the request headers, every request message exactly as
 * the client sent it (before any scripted change), every response message the client received,
 * and how the call ended. Filled in while the call runs; read once the driver has finished.
 */
public final class CallRecord {
  private final int seq;
  private final String method;
  private final Map<String, String> headers;
  private final List<Message> requests = new CopyOnWriteArrayList<>();
  private final List<Message> responses = new CopyOnWriteArrayList<>();
  private final List<String> scripted = new CopyOnWriteArrayList<>();
  private volatile Status status;
  private volatile RemoteError error;

  CallRecord(int seq, String method, Map<String, String> headers) {
    this.seq = seq;
    this.method = method;
    this.headers = Map.copyOf(headers);
  }

  /** Order in which calls started, from 1. */
  public int seq() { return seq; }

  /** The bare method name, e.g. {@code AddArtifacts}. */
  public String method() { return method; }

  /** Text request headers, lower-case names (binary headers are left out). */
  public Map<String, String> headers() { return headers; }

  public List<Message> requests() { return List.copyOf(requests); }

  public List<Message> responses() { return List.copyOf(responses); }

  /** What the recording server changed in this call on the case's request. */
  public List<String> scripted() { return List.copyOf(scripted); }

  /** How the call ended; null while it runs (or if it never ended). */
  public Status status() { return status; }

  /** What the server sent with a failed call (status, ErrorInfo), or null. */
  public RemoteError error() { return error; }

  public boolean ok() { return status != null && status.isOk(); }

  @SuppressWarnings("unchecked")
  public <T extends Message> List<T> requests(Class<T> type) {
    return (List<T>) requests.stream().filter(type::isInstance).toList();
  }

  @SuppressWarnings("unchecked")
  public <T extends Message> List<T> responses(Class<T> type) {
    return (List<T>) responses.stream().filter(type::isInstance).toList();
  }

  void addRequest(Message m) { requests.add(m); }

  void addResponse(Message m) { responses.add(m); }

  void addScripted(String what) { scripted.add(what); }

  void end(Status s, RemoteError error) {
    this.status = s;
    this.error = error;
  }

  @Override
  public String toString() {
    return "#" + seq + " " + method + (status == null ? "" : " " + status.getCode());
  }
}
