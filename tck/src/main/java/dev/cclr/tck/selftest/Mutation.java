package dev.cclr.tck.selftest;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * One deliberate deviation of a server, applied to the reference server's traffic: requests on
 * their way in, responses and call endings on their way out. Every method defaults to "no change".
 */
public interface Mutation {

  /** The request the server gets instead of {@code m}. */
  default Message request(String method, Message m) {
    return m;
  }

  /** The response the client gets instead of {@code m}, or null to drop it. */
  default Message response(String method, Message m) {
    return m;
  }

  /** How the call ends instead of {@code status} with {@code trailers}. */
  default Ending end(String method, Status status, Metadata trailers) {
    return new Ending(status, trailers);
  }

  record Ending(Status status, Metadata trailers) {}
}
