package dev.cclr.tck.targets;

import dev.cclr.server.ReferenceServer;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.tck.client.ConnectUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code embedded}: the project's reference server, started in this JVM on an ephemeral loopback
 * port. The profile picks its error style, so that the spark-4.1 profile can be checked against it;
 * {@code embedded:spill} is the same server with every blob spilled to a file ({@link EmbeddedStorage}).
 */
public final class EmbeddedTarget implements Target {
  private final ReferenceServer server;
  private final String implementation;
  private final Optional<String> token;
  private final ErrorStyle style;
  private final EmbeddedStorage storage;

  private EmbeddedTarget(ReferenceServer server, String implementation, Optional<String> token, ErrorStyle style,
      EmbeddedStorage storage) {
    this.server = server;
    this.implementation = implementation;
    this.token = token;
    this.style = style;
    this.storage = storage;
  }

  /**
   * The reference server requiring a random bearer token, which {@link #uri()} carries: the cases
   * that call without or with a wrong token (SRV-SEC-002) then apply to it.
   */
  public static EmbeddedTarget start(ErrorStyle style) {
    return start(style, EmbeddedStorage.MEMORY_FIRST);
  }

  /** The same, keeping uploaded blobs as {@code storage} says. */
  public static EmbeddedTarget start(ErrorStyle style, EmbeddedStorage storage) {
    String token = UUID.randomUUID().toString();
    try {
      return new EmbeddedTarget(
          storage.configure(ReferenceServer.builder()).host("127.0.0.1").port(0).errorStyle(style).bearerToken(token)
              .build().start(),
          "cclr reference server", Optional.of(token), style, storage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded reference server", e);
    }
  }

  /** The reference server with an interceptor in front of it (the self-test's mutants), described as {@code implementation}. */
  public static EmbeddedTarget startIntercepted(ErrorStyle style, io.grpc.ServerInterceptor interceptor, String implementation) {
    try {
      ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(0).errorStyle(style)
          .interceptor(interceptor).build().start();
      return new EmbeddedTarget(server, implementation, Optional.empty(), style, EmbeddedStorage.MEMORY_FIRST);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the reference server for " + implementation, e);
    }
  }

  /** The reference server planning with {@code planner} (the self-test's code-level mutants), described as {@code implementation}. */
  public static EmbeddedTarget startWithPlanner(ErrorStyle style, dev.cclr.server.relations.RelationPlanner planner,
      String implementation) {
    try {
      ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(0).errorStyle(style)
          .planner(planner).build().start();
      return new EmbeddedTarget(server, implementation, Optional.empty(), style, EmbeddedStorage.MEMORY_FIRST);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the reference server for " + implementation, e);
    }
  }

  /**
   * A new reference server like this one (same error style and storage) that asks for no token, for a proxy in
   * front of it that passes no call metadata ({@link ProxyTarget}): the caller closes this one.
   */
  public EmbeddedTarget withoutToken() {
    try {
      return new EmbeddedTarget(
          storage.configure(ReferenceServer.builder()).host("127.0.0.1").port(0).errorStyle(style).build().start(),
          implementation, Optional.empty(), style, storage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded reference server", e);
    }
  }

  public ReferenceServer server() { return server; }

  @Override
  public String implementation() { return implementation; }

  @Override
  public String name() { return storage.targetName(); }

  @Override
  public ConnectUri uri() {
    ConnectUri local = ConnectUri.local(server.port());
    return token.map(local::withToken).orElse(local);
  }

  @Override
  public void close() { server.close(); }
}
