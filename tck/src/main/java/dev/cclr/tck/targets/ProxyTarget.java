package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.pinnedvenv.PinnedVenv;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code proxy:<inner target>}: spark-connect-proxy (PyPI, pinned in
 * {@code tck/drivers/proxy/requirements.txt}) in front of any other target, e.g. {@code proxy:embedded}
 * or {@code proxy:spark:4.2.0}. The TCK opens the inner target, installs the proxy into a venv of its
 * own on first use ({@link PinnedVenv#PROXY}), and launches it through
 * {@code tck/drivers/proxy/loopback_proxy.py}, which makes it bind 127.0.0.1 (the proxy itself has no
 * option for its address and binds {@code [::]}). After start the proxy's listening sockets are
 * checked: one on any address but 127.0.0.1 stops the target with an error. What is judged is the pair: the
 * proxy's own faults show as the inner server's.
 *
 * <p>The proxy forwards the request messages only, not the call's metadata: an inner target that
 * needs a token cannot be reached through it and is refused, except the embedded reference server,
 * which is then started without its token (the auth cases become not applicable).
 */
public final class ProxyTarget implements Target {
  public static final String PREFIX = "proxy:";

  private final Target inner;
  private final LaunchedTarget proxy;
  private final String version;

  private ProxyTarget(Target inner, LaunchedTarget proxy, String version) {
    this.inner = inner;
    this.proxy = proxy;
    this.version = version;
  }

  /**
   * @param spec {@code proxy:<inner target>}
   * @param opener opens the inner target (with the run's profile)
   */
  public static ProxyTarget start(String spec, Function<String, Target> opener) {
    String innerSpec = spec.substring(PREFIX.length()).trim();
    if (innerSpec.isEmpty()) {
      throw new IllegalArgumentException("target '" + spec + "' names no target to put the proxy in front of, "
          + "e.g. proxy:embedded or proxy:spark:4.2.0");
    }
    PinnedVenv.Installation installed = PinnedVenv.PROXY.ensureInstalled(); // before the inner server: a missing proxy fails fast
    Path launcher = PinnedVenv.PROXY.driverFile("loopback_proxy.py");
    Target inner = tokenless(opener.apply(innerSpec));
    try {
      ConnectUri upstream = inner.uri();
      LaunchedTarget proxy = LaunchedTarget.start(PREFIX + inner.name(),
          "spark-connect-proxy " + installed.version() + " in front of " + inner.implementation(),
          (port, workDir) -> List.of(installed.python().toString(), launcher.toString(), Integer.toString(port),
              upstream.host() + ":" + upstream.port()))
          .requireLoopbackOnly();
      return new ProxyTarget(inner, proxy, installed.version());
    } catch (RuntimeException e) {
      inner.close();
      throw e;
    }
  }

  /**
   * The inner target if it needs no token; the embedded reference server started again without
   * one (its token exists only so that the auth cases apply to it); otherwise an error, since the
   * proxy passes no call metadata and every call would be refused.
   */
  private static Target tokenless(Target inner) {
    if (inner.uri().token().isEmpty()) {
      return inner;
    }
    try (Target withToken = inner) {
      if (withToken instanceof EmbeddedTarget embedded) {
        return embedded.withoutToken();
      }
      throw new IllegalArgumentException("target " + inner.name() + " needs a token, and spark-connect-proxy passes no "
          + "call metadata (the token included) to the server behind it: put the proxy in front of a server without one");
    }
  }

  /** The proxy's own process (the inner target is apart). */
  public LaunchedTarget proxy() { return proxy; }

  /** The proxy's version. */
  public String version() { return version; }

  @Override
  public String implementation() { return proxy.implementation(); }

  @Override
  public String name() { return proxy.name(); }

  @Override
  public ConnectUri uri() { return proxy.uri(); }

  @Override
  public Optional<String> processEnded() {
    Optional<String> own = proxy.processEnded().map(why -> "spark-connect-proxy: " + why);
    return own.isPresent() ? own : inner.processEnded().map(why -> "the server behind the proxy: " + why);
  }

  @Override
  public void close() {
    try {
      proxy.close();
    } finally {
      inner.close();
    }
  }
}
