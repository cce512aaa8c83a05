package dev.cclr.examples;

import dev.cclr.server.ReferenceServer;
import dev.cclr.tck.junit.ServerTck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * How a server implementer embeds the TCK: start the server in the test, extend {@link ServerTck},
 * return where it answers. Every server case but the large ones becomes a test named by its case id
 * and requirement ids; here the implementation is the reference server, started in-process.
 */
class ReferenceServerConformanceTest extends ServerTck {
  private static ReferenceServer server;

  @BeforeAll
  static void startTheServer() throws Exception {
    server = ReferenceServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  @Override
  protected String target() {
    return "sc://127.0.0.1:" + server.port();
  }
}
