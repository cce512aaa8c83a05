package dev.cclr.examples;

import dev.cclr.server.ReferenceServer;
import dev.cclr.tck.junit.ServerTck;
import dev.cclr.tck.junit.TckSelection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same embedding against a broken server: the reference server with {@link
 * AllArtifactsExistInterceptor} in front. Not a test of its own (the name does not end in Test);
 * {@link BrokenTargetFailsTest} launches it and expects failures.
 */
class BrokenServerExample extends ServerTck {
  private static ReferenceServer server;

  @BeforeAll
  static void startTheServer() throws Exception {
    server = ReferenceServer.builder().host("127.0.0.1").port(0).interceptor(new AllArtifactsExistInterceptor()).build().start();
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  @Override
  protected String target() {
    return "sc://127.0.0.1:" + server.port();
  }

  @Override
  protected TckSelection selection() {
    return TckSelection.tags("status");
  }
}
