package dev.cclr.tck.drivers;

import dev.cclr.server.ReferenceServer;

/**
 * The real Spark JVM clients (4.2.0 and 4.1.3) against the reference server in this JVM: what they
 * create comes back exactly, and the recorder shows the plan really was a chunked relation with a
 * repeated hash.
 */
class SparkJvmClientAgainstReferenceServerTest extends SparkJvmClientEndToEndTest {
  @Override
  E2eTargets.Factory target() {
    return E2eTargets.inProcess("reference server", recorder -> {
      ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(0).interceptor(recorder).build().start();
      return E2eTargets.InProcessServer.running(server.port(), server::close);
    });
  }
}
