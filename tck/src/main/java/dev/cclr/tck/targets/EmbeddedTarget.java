package dev.cclr.tck.targets;

import dev.cclr.server.ReferenceServer;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.tck.client.ConnectUri;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code embedded}: the project's reference server, started in this JVM on an ephemeral loopback
 * port. The profile picks its error style, so that the spark-4.1 profile can be checked against it.
 */
public final class EmbeddedTarget implements Target {
  private final ReferenceServer server;
  private final String implementation;
  private final java.util.Optional<String> token;

  private EmbeddedTarget(ReferenceServer server, String implementation, java.util.Optional<String> token) {
    this.server = server;
    this.implementation = implementation;
    this.token = token;
  }

  /**
   * The reference server requiring a random bearer token, which {@link #uri()} carries: the cases
   * that call without or with a wrong token (SRV-SEC-002) then apply to it.
   */
  public static EmbeddedTarget start(ErrorStyle style) {
    String token = java.util.UUID.randomUUID().toString();
    try {
      return new EmbeddedTarget(
          ReferenceServer.builder().host("127.0.0.1").port(0).errorStyle(style).bearerToken(token).build().start(),
          "cclr reference server", java.util.Optional.of(token));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded reference server", e);
    }
  }

  /** The reference server with a deliberate deviation, for the TCK's self-test. */
  public static EmbeddedTarget startMutant(ErrorStyle style, dev.cclr.tck.selftest.ServerMutant mutant) {
    try {
      ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(0).errorStyle(style)
          .interceptor(new dev.cclr.tck.selftest.MutatingInterceptor(mutant.mutation())).build().start();
      return new EmbeddedTarget(server, "cclr reference server, mutant " + mutant.id(), java.util.Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the mutant reference server", e);
    }
  }

  public ReferenceServer server() { return server; }

  @Override
  public String implementation() { return implementation; }

  @Override
  public String name() { return "embedded"; }

  @Override
  public ConnectUri uri() {
    ConnectUri local = ConnectUri.local(server.port());
    return token.map(local::withToken).orElse(local);
  }

  @Override
  public void close() { server.close(); }
}
