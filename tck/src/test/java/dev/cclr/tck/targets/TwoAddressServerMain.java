package dev.cclr.tck.targets;

import dev.cclr.server.ReferenceServer;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The reference server on 127.0.0.1, plus, when asked, a second listener on 127.0.0.2: a server that
 * picks an address of its own besides the one the TCK gave it, without leaving loopback.
 *
 * <p>Arguments: {@code <port> [also-127.0.0.2]}.
 */
public final class TwoAddressServerMain {
  private TwoAddressServerMain() {}

  public static void main(String[] args) throws Exception {
    ServerSocket extra = args.length > 1 ? new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2")) : null;
    ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0])).build().start();
    System.out.println("listening on 127.0.0.1:" + server.port() + (extra == null ? "" : " and " + extra.getLocalSocketAddress()));
    server.awaitTermination();
  }
}
