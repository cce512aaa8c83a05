package dev.cclr.tck.targets;

import dev.cclr.tck.targets.container.ContainerSpec;
import dev.cclr.tck.targets.container.ContainerTargetException;
import dev.cclr.tck.targets.container.DockerEngineProbe;
import dev.cclr.tck.targets.container.NeverPullPolicy;
import dev.cclr.tck.targets.container.SparkConnectWaitStrategy;
import dev.cclr.tck.targets.container.TestcontainersSettings;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.targets.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code container:<image>[:port]}: a Spark Connect server in a local container image, started with
 * Testcontainers for the run and stopped after it.
 *
 * <p>The container runs in the host's network namespace and its server must listen on
 * 127.0.0.1:&lt;port&gt; (default 15002); the target also passes the port in {@code CCLR_SERVER_PORT},
 * from which the reference server's image takes it. Host networking keeps every byte of the run
 * on the loopback interface: a published port would instead reach the server through the engine's
 * bridge and NAT, and bind addresses outside the machine's loopback.
 *
 * <p>Nothing here ever becomes a skip: no engine, a missing image, a busy port or a server that
 * never answers all fail the run with a message that says what to do.
 */
public final class ContainerTarget implements Target {
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
  private static final Map<String, ContainerTargetException> FAILED = new java.util.concurrent.ConcurrentHashMap<>();

  private final ContainerSpec spec;
  private final GenericContainer<?> container;
  /** The token the server demands, if it honours {@code CCLR_SERVER_TOKEN} (see {@link #startOnce}). */
  private final java.util.Optional<String> token;

  private ContainerTarget(ContainerSpec spec, GenericContainer<?> container, java.util.Optional<String> token) {
    this.spec = spec;
    this.container = container;
    this.token = token;
  }

  public static ContainerTarget start(String text) {
    return start(ContainerSpec.parse(text), System.getenv());
  }

  /**
   * @param environment where DOCKER_HOST is looked up (the process environment, except in tests)
   * @throws ContainerTargetException when it cannot run; the same failure again at once for a
   *     target that already failed in this JVM, since a run asks for its target once per case and
   *     a server that never answers would otherwise cost the startup timeout every time
   */
  public static ContainerTarget start(ContainerSpec spec, Map<String, String> environment) {
    String key = spec.text() + " on " + DockerEngineProbe.endpoint(environment);
    ContainerTargetException earlier = FAILED.get(key);
    if (earlier != null) {
      throw new ContainerTargetException(earlier.getMessage() + " (failed earlier in this run)", earlier);
    }
    try {
      return startOnce(spec, environment);
    } catch (ContainerTargetException e) {
      FAILED.put(key, e);
      throw e;
    }
  }

  private static ContainerTarget startOnce(ContainerSpec spec, Map<String, String> environment) {
    DockerEngineProbe.requireEngine(spec.text(), environment);
    try {
      TestcontainersSettings.apply();
    } catch (ContainerTargetException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ContainerTargetException("container target '" + spec.text() + "': Testcontainers cannot use the Docker "
          + "engine at " + DockerEngineProbe.endpoint(environment) + ": " + rootMessage(e), e);
    }
    requireLocalImage(spec, environment);
    requireFreePort(spec);
    // A random token in CCLR_SERVER_TOKEN, which the reference server's image requires on every
    // call; the SRV-SEC-002 cases then run against it. An image that ignores the variable is
    // found out below and gets no token, so those cases are NOT_APPLICABLE there, never FAIL.
    String token = java.util.UUID.randomUUID().toString();
    ConnectUri uri = ConnectUri.local(spec.port()).withToken(token);
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
        .withImagePullPolicy(new NeverPullPolicy())
        .withNetworkMode("host")
        .withEnv("CCLR_SERVER_PORT", Integer.toString(spec.port()))
        .withEnv("CCLR_SERVER_TOKEN", token)
        .waitingFor(new SparkConnectWaitStrategy(uri).withStartupTimeout(STARTUP_TIMEOUT));
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw new ContainerTargetException("container target '" + spec.text() + "' did not start: " + rootMessage(e), e);
    }
    return new ContainerTarget(spec, container,
        demandsToken(uri) ? java.util.Optional.of(token) : java.util.Optional.empty());
  }

  /** Whether a call without the token is refused with UNAUTHENTICATED (any other answer: it is not demanded). */
  private static boolean demandsToken(ConnectUri uri) {
    try (dev.cclr.tck.client.ConnectSession probe = dev.cclr.tck.client.ConnectSession.open(
        uri.withoutToken().withSessionId(java.util.UUID.randomUUID().toString()))) {
      probe.configGet("spark.sql.session.timeZone");
      return false;
    } catch (dev.cclr.tck.client.RemoteErrorException e) {
      return e.error().code() == io.grpc.Status.Code.UNAUTHENTICATED;
    }
  }

  private static void requireLocalImage(ContainerSpec spec, Map<String, String> environment) {
    DockerClient client;
    try {
      client = DockerClientFactory.instance().client();
    } catch (RuntimeException e) {
      throw new ContainerTargetException("container target '" + spec.text() + "': Testcontainers cannot use the Docker "
          + "engine at " + DockerEngineProbe.endpoint(environment) + ": " + rootMessage(e), e);
    }
    try {
      client.inspectImageCmd(spec.image()).exec();
    } catch (NotFoundException e) {
      throw new ContainerTargetException("container target '" + spec.text() + "': image '" + spec.image()
          + "' is not on the Docker engine, and container targets never pull images. Build it locally first; for the "
          + "reference server: ./mvnw -Pcontainers -pl reference-server -am package -DskipTests "
          + "(runs reference-server/image/build-image.sh)", e);
    }
  }

  /** With host networking a busy port would make the readiness probe talk to whatever holds it. */
  private static void requireFreePort(ContainerSpec spec) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", spec.port()), 500);
    } catch (IOException free) {
      return;
    }
    throw new ContainerTargetException("container target '" + spec.text() + "': something already listens on 127.0.0.1:"
        + spec.port() + "; the container's server shares the host's network, so name a free port: container:"
        + spec.image() + ":<port>");
  }

  private static String rootMessage(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
        out.append(" <- ").append(cause.getMessage());
      }
    }
    return out.toString();
  }

  @Override
  public String implementation() { return "container image " + spec.image(); }

  @Override
  public String name() { return spec.text(); }

  @Override
  public ConnectUri uri() {
    ConnectUri local = ConnectUri.local(spec.port());
    return token.map(local::withToken).orElse(local);
  }

  /** The container's output so far, for diagnosing a run. */
  public String logs() { return container.getLogs(); }

  @Override
  public void close() { container.stop(); }
}
