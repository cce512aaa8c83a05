package dev.cclr.tck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a process's listening sockets from /proc, checked against sockets this JVM opens itself. */
class ListeningSocketsTest {

  @Test
  void parsesTheKernelsAddressesOfBothTables() throws Exception {
    assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080), ListeningSockets.parse("0100007F:1F90"));
    assertEquals(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 15002), ListeningSockets.parse("0302010A:3A9A"));
    // tcp6: [::] (every interface), ::1, and an IPv4-mapped 127.0.0.1 (grpc's "[::ffff:127.0.0.1]").
    assertEquals(new InetSocketAddress(InetAddress.getByName("::"), 50051),
        ListeningSockets.parse("00000000000000000000000000000000:C383"));
    assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 80), ListeningSockets.parse("00000000000000000000000001000000:0050"));
    assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80),
        ListeningSockets.parse("0000000000000000FFFF00000100007F:0050"));
  }

  @Test
  void findsThisJvmsListenersAndNamesTheOnesNotOn127001() throws Exception {
    try (ServerSocket on127001 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerSocket on127002 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
      InetSocketAddress first = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), on127001.getLocalPort());
      InetSocketAddress second = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), on127002.getLocalPort());
      List<InetSocketAddress> all = ListeningSockets.of(ProcessHandle.current());
      assertTrue(all.contains(first) && all.contains(second), "listening sockets of this JVM: " + all);
      List<InetSocketAddress> elsewhere = ListeningSockets.elsewhereThan127001(ProcessHandle.current());
      assertTrue(elsewhere.contains(second) && !elsewhere.contains(first), "not on 127.0.0.1: " + elsewhere);
    }
  }
}
