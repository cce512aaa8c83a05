package dev.cclr.tck.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A Spark Connect connection string, {@code sc://host[:port]/;key=value;key=value}, parsed the way
 * Spark's documentation ("client connection string") and its JVM client define it:
 *
 * <ul>
 *   <li>the scheme is {@code sc}, a host is required, the port defaults to 15002;
 *   <li>the path before the first {@code ;} must be empty or {@code /};
 *   <li>parameters are {@code key=value} pairs separated by {@code ;}, keys are case sensitive,
 *       empty segments are ignored, a segment that is not exactly one {@code key=value} is an error;
 *   <li>{@code token}, {@code user_id}, {@code user_agent}, {@code session_id} (must be a UUID),
 *       {@code use_ssl} ({@code true} in any case enables TLS, anything else disables it) and
 *       {@code grpc_max_message_size} are understood; any other parameter is sent as a gRPC
 *       metadata header, as Spark's clients do.
 * </ul>
 *
 * A token does not force TLS: since Spark 4.0 a local server may require a token over plaintext.
 * Query strings, fragments and user info are rejected rather than ignored, so that a typo cannot
 * silently connect somewhere unintended.
 */
public record ConnectUri(
    String host,
    int port,
    Optional<String> token,
    Optional<String> userId,
    Optional<String> userAgent,
    Optional<String> sessionId,
    boolean useSsl,
    OptionalInt grpcMaxMessageSize,
    Map<String, String> extraHeaders) {

  public static final int DEFAULT_PORT = 15002;

  public ConnectUri {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    sessionId.ifPresent(ConnectUri::requireUuid);
    extraHeaders = Map.copyOf(extraHeaders);
  }

  /** Plaintext to 127.0.0.1 on the given port, no parameters. */
  public static ConnectUri local(int port) {
    return new ConnectUri(
        "127.0.0.1",
        port,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        OptionalInt.empty(),
        Map.of());
  }

  public static ConnectUri parse(String text) {
    Objects.requireNonNull(text, "connection string");
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a valid URI: " + text + " (" + e.getMessage() + ")", e);
    }
    if (!"sc".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Scheme must be 'sc': " + text);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("Host must be given: " + text);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("User info is not part of a Spark Connect URI: " + text);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "Parameters go after ';' in the path, not in a query or fragment: " + text);
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String[] segments = path.split(";", -1);
    if (!segments[0].isEmpty() && !segments[0].equals("/")) {
      throw new IllegalArgumentException("The path must be empty, found '" + segments[0] + "': " + text);
    }

    Optional<String> token = Optional.empty();
    Optional<String> userId = Optional.empty();
    Optional<String> userAgent = Optional.empty();
    Optional<String> sessionId = Optional.empty();
    boolean useSsl = false;
    OptionalInt maxMessageSize = OptionalInt.empty();
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        continue;
      }
      String[] kv = segment.split("=", -1);
      if (kv.length != 2 || kv[0].isEmpty() || kv[1].isEmpty()) {
        throw new IllegalArgumentException("Parameter '" + segment + "' is not a key=value pair: " + text);
      }
      String key = kv[0];
      String value = kv[1];
      switch (key) {
        case "token" -> token = Optional.of(value);
        case "user_id" -> userId = Optional.of(value);
        case "user_agent" -> userAgent = Optional.of(value);
        case "session_id" -> sessionId = Optional.of(requireUuid(value));
        case "use_ssl" -> useSsl = Boolean.parseBoolean(value);
        case "grpc_max_message_size" -> maxMessageSize = OptionalInt.of(parsePositiveInt(key, value));
        default -> extra.put(key, value);
      }
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new ConnectUri(
        uri.getHost(), port, token, userId, userAgent, sessionId, useSsl, maxMessageSize, extra);
  }

  /** The host as a socket address wants it: IPv6 literals without brackets. */
  public String socketHost() {
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }

  public ConnectUri withToken(String value) {
    return new ConnectUri(host, port, Optional.of(value), userId, userAgent, sessionId, useSsl,
        grpcMaxMessageSize, extraHeaders);
  }

  /** The same address and parameters without credentials (for checking that a server refuses such calls). */
  public ConnectUri withoutToken() {
    return new ConnectUri(host, port, Optional.empty(), userId, userAgent, sessionId, useSsl,
        grpcMaxMessageSize, extraHeaders);
  }

  public ConnectUri withUserId(String value) {
    return new ConnectUri(host, port, token, Optional.of(value), userAgent, sessionId, useSsl,
        grpcMaxMessageSize, extraHeaders);
  }

  public ConnectUri withSessionId(String value) {
    return new ConnectUri(host, port, token, userId, userAgent, Optional.of(value), useSsl,
        grpcMaxMessageSize, extraHeaders);
  }

  /** The connection string, token included; parse(toConnectionString()) gives an equal value. */
  public String toConnectionString() {
    StringBuilder s = new StringBuilder("sc://").append(host).append(':').append(port).append('/');
    token.ifPresent(v -> s.append(";token=").append(v));
    userId.ifPresent(v -> s.append(";user_id=").append(v));
    userAgent.ifPresent(v -> s.append(";user_agent=").append(v));
    sessionId.ifPresent(v -> s.append(";session_id=").append(v));
    if (useSsl) {
      s.append(";use_ssl=true");
    }
    grpcMaxMessageSize.ifPresent(v -> s.append(";grpc_max_message_size=").append(v));
    extraHeaders.forEach((k, v) -> s.append(';').append(k).append('=').append(v));
    return s.toString();
  }

  /**
   * A target's name as the console and the reports show it: a connection string that carries a
   * token, with the token masked (reports are published by CI); any other name as it is.
   */
  public static String masked(String target) {
    // On the text, not on a parsed value: a string the run will refuse as malformed is shown too.
    return target == null || !target.startsWith("sc://") ? target : TOKEN_PARAMETER.matcher(target).replaceAll(";token=***");
  }

  private static final java.util.regex.Pattern TOKEN_PARAMETER = java.util.regex.Pattern.compile(";token=[^;]*");

  /** Like {@link #toConnectionString()} but with the token masked, safe for logs and reports. */
  @Override
  public String toString() {
    String full = toConnectionString();
    return token.map(t -> full.replace(";token=" + t, ";token=***")).orElse(full);
  }

  private static String requireUuid(String value) {
    try {
      UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("session_id must be a UUID, got '" + value + "'", e);
    }
    return value;
  }

  private static int parsePositiveInt(String key, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the uniform message below
    }
    throw new IllegalArgumentException(key + " must be a positive integer, got '" + value + "'");
  }
}
