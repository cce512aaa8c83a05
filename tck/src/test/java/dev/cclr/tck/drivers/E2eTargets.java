package dev.cclr.tck.drivers;

import dev.cclr.tck.spark.SparkServerProcess;
import io.grpc.ServerInterceptor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The targets the end-to-end tests can run against.
 *
 * <ul>
 *   <li>{@link #fromSystemPropertyOrRealSpark}: the server named by {@value #REMOTE_PROPERTY}, or
 *       else a real Spark {@value #SPARK_VERSION} started for the test class;</li>
 *   <li>{@link #inProcess}: a server started in this JVM with a recording interceptor, which is
 *       how the reference server is meant to be tested: see {@link InProcessServer}.</li>
 * </ul>
 */
final class E2eTargets {

  /** e.g. {@code -Dcclr.e2e.remote=sc://127.0.0.1:15002}: use that server, start nothing. */
  static final String REMOTE_PROPERTY = "cclr.e2e.remote";
  /**
   * {@code -Dcclr.e2e.proxy=true}: put an in-process {@link ForwardingProxy} with the recording
   * interceptor in front of the server, so the server-side checks run against real Spark too.
   */
  static final String PROXY_PROPERTY = "cclr.e2e.proxy";
  static final String SPARK_VERSION = "4.2.0";

  private E2eTargets() {}

  /** Makes the target once per test class; work files go under {@code workDir}. */
  @FunctionalInterface
  interface Factory {
    E2eTarget create(Path workDir) throws Exception;
  }

  /**
   * Starts a server inside this JVM, on an ephemeral 127.0.0.1 port, with the given interceptor
   * installed on its service. For the reference server this is meant to be one line, e.g.
   * <pre>
   * i -> { ReferenceServer s = ReferenceServer.builder().port(0).interceptor(i).build(); s.start();
   *        return InProcessServer.running(s.port(), s::close); }
   * </pre>
   * (adapt to the builder's final names; what matters is port 0, the interceptor, and port()/close()).
   */
  @FunctionalInterface
  interface InProcessServer {
    Running start(ServerInterceptor interceptor) throws Exception;

    /** A started server: its bound port, and how to stop it. */
    interface Running extends AutoCloseable {
      int port();
    }

    /** Adapts anything with {@code port()} and {@code close()}. */
    static Running running(int port, AutoCloseable closer) {
      return new Running() {
        @Override
        public int port() {
          return port;
        }

        @Override
        public void close() throws Exception {
          closer.close();
        }
      };
    }
  }

  static E2eTarget fromSystemPropertyOrRealSpark(Path workDir) throws Exception {
    String remote = System.getProperty(REMOTE_PROPERTY);
    E2eTarget server = remote != null && !remote.isBlank() ? external(remote) : realSpark(SPARK_VERSION, workDir);
    if (!Boolean.getBoolean(PROXY_PROPERTY)) {
      return server;
    }
    try {
      return proxied(server).create(workDir);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  /** The upstream target behind a recording {@link ForwardingProxy}; closing closes both. */
  static Factory proxied(E2eTarget upstream) {
    java.net.URI uri = java.net.URI.create(upstream.sparkRemote().replaceFirst("^sc://", "http://"));
    return inProcess("recording proxy to " + upstream.description(), interceptor -> {
      ForwardingProxy proxy = ForwardingProxy.start(uri.getHost(), uri.getPort(), interceptor);
      return InProcessServer.running(proxy.port(), () -> {
        proxy.close();
        upstream.close();
      });
    });
  }

  static E2eTarget external(String remote) {
    return new E2eTarget() {
      @Override
      public String sparkRemote() {
        return remote;
      }

      @Override
      public String description() {
        return "external server " + remote;
      }

      @Override
      public Optional<ExecutePlanRecorder> recorder() {
        return Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  static E2eTarget realSpark(String version, Path workDir) {
    SparkServerProcess server = SparkServerProcess.builder(version)
        .logFile(workDir.resolve("spark-" + version + ".log"))
        .start();
    String remote = "sc://127.0.0.1:" + server.port();
    return new E2eTarget() {
      @Override
      public String sparkRemote() {
        return remote;
      }

      @Override
      public String description() {
        return server.toString();
      }

      @Override
      public Optional<ExecutePlanRecorder> recorder() {
        return Optional.empty();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  static Factory inProcess(String name, InProcessServer starter) {
    return workDir -> {
      ExecutePlanRecorder recorder = new ExecutePlanRecorder();
      InProcessServer.Running running = starter.start(recorder);
      String remote = "sc://127.0.0.1:" + running.port();
      return new E2eTarget() {
        @Override
        public String sparkRemote() {
          return remote;
        }

        @Override
        public String description() {
          return name + " in process at " + remote;
        }

        @Override
        public Optional<ExecutePlanRecorder> recorder() {
          return Optional.of(recorder);
        }

        @Override
        public void close() throws Exception {
          running.close();
        }
      };
    };
  }
}
