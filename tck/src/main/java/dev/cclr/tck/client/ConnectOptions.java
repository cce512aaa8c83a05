package dev.cclr.tck.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ConnectSession} talks to its server, beyond what the connection string says.
 *
 * @param callTimeout deadline of each call; for ExecutePlan and ReattachExecute, of each stream
 * @param maxInboundMessageSize largest response message accepted, unless the connection string sets
 *     {@code grpc_max_message_size}; 128 MiB by default, Spark's own client default
 * @param clientType the {@code client_type} sent with every request, unless the connection string
 *     sets {@code user_agent}
 */
public record ConnectOptions(Duration callTimeout, int maxInboundMessageSize, String clientType) {
  public static final int DEFAULT_MAX_INBOUND_MESSAGE_SIZE = 128 * 1024 * 1024;

  public ConnectOptions {
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(clientType, "clientType");
    if (maxInboundMessageSize <= 0) {
      throw new IllegalArgumentException("maxInboundMessageSize must be positive");
    }
  }

  public static ConnectOptions defaults() {
    return new ConnectOptions(Duration.ofMinutes(2), DEFAULT_MAX_INBOUND_MESSAGE_SIZE, defaultClientType());
  }

  public ConnectOptions withCallTimeout(Duration value) {
    return new ConnectOptions(value, maxInboundMessageSize, clientType);
  }

  public ConnectOptions withClientType(String value) {
    return new ConnectOptions(callTimeout, maxInboundMessageSize, value);
  }

  /** Like Spark's clients: a product token followed by runtime versions. */
  static String defaultClientType() {
    String version =
        Optional.ofNullable(ConnectOptions.class.getPackage().getImplementationVersion()).orElse("dev");
    return "_CCLR_TCK cclr/" + version + " jvm/" + System.getProperty("java.version") + " os/"
        + System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT);
  }
}
