package dev.cclr.tck.targets.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Asks the Docker engine a container target would use whether it answers ({@code GET /_ping}),
 * before Testcontainers is touched: Testcontainers, finding no engine, tries every other way it
 * knows and then reports only "Could not find a valid Docker environment"; a TCK run must instead
 * fail at once and say where it looked.
 */
public final class DockerEngineProbe {
  public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
  private static final int TIMEOUT_MILLIS = 3000;

  private DockerEngineProbe() {}

  /** Where the engine should be: DOCKER_HOST if set, as Docker's own client reads it, else the usual socket. */
  public static URI endpoint(Map<String, String> environment) {
    String host = environment.get("DOCKER_HOST");
    return URI.create(host == null || host.isBlank() ? DEFAULT_SOCKET : host.trim());
  }

  /**
   * @throws ContainerTargetException naming the target and the endpoint when nothing answers there
   */
  public static void requireEngine(String target, Map<String, String> environment) {
    URI endpoint = endpoint(environment);
    String problem;
    try {
      String status = ping(endpoint);
      if (status.startsWith("HTTP/1.") && status.contains(" 200")) {
        return;
      }
      problem = "it answered '" + status + "' to GET /_ping";
    } catch (IOException | RuntimeException e) {
      problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    throw new ContainerTargetException("container target '" + target + "' needs a Docker engine: none answered at "
        + endpoint + " (" + problem + "); start dockerd (e.g. .ci/docker-engine.sh start) or set DOCKER_HOST");
  }

  /** The status line of the engine's answer to GET /_ping. */
  public static String ping(URI endpoint) throws IOException {
    switch (endpoint.getScheme() == null ? "" : endpoint.getScheme()) {
      case "unix": {
        Path socket = Path.of(endpoint.getPath());
        if (!Files.exists(socket)) {
          throw new IOException("no socket file " + socket);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          channel.connect(UnixDomainSocketAddress.of(socket));
          // A unix socket channel has no read timeout: read on a thread that gives up in time.
          return exchange(Channels.newOutputStream(channel), Channels.newInputStream(channel), channel);
        }
      }
      case "tcp":
      case "http": {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
          socket.setSoTimeout(TIMEOUT_MILLIS);
          return exchange(socket.getOutputStream(), socket.getInputStream(), null);
        }
      }
      default:
        throw new IOException("unsupported DOCKER_HOST scheme in " + endpoint + " (use unix:// or tcp://)");
    }
  }

  private static String exchange(OutputStream out, InputStream in, SocketChannel closeOnTimeout) throws IOException {
    out.write("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    Thread watchdog = null;
    if (closeOnTimeout != null) {
      watchdog = new Thread(() -> {
        try {
          Thread.sleep(TIMEOUT_MILLIS);
          closeOnTimeout.close();
        } catch (InterruptedException | IOException e) {
          // answered in time, or already closed
        }
      }, "docker-ping-timeout");
      watchdog.setDaemon(true);
      watchdog.start();
    }
    try {
      ByteBuffer line = ByteBuffer.allocate(256);
      int b;
      while ((b = in.read()) >= 0 && b != '\n' && line.hasRemaining()) {
        line.put((byte) b);
      }
      String status = new String(line.array(), 0, line.position(), StandardCharsets.US_ASCII).trim();
      if (status.isEmpty()) {
        throw new IOException("no answer to GET /_ping");
      }
      return status;
    } finally {
      if (watchdog != null) {
        watchdog.interrupt();
      }
    }
  }
}
