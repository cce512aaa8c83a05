package dev.cclr.tck.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP ports a process tree listens on, read from Linux's {@code /proc} (what {@code ss -ltnp}
 * reads): the socket inodes among each process's open files, looked up in its
 * {@code net/tcp} and {@code net/tcp6} tables. For third-party servers whose bind address the TCK
 * cannot set directly, so that a target can refuse to run one that listens anywhere but 127.0.0.1.
 */
public final class ListeningSockets {
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /**
   * Every address {@code root} or one of its descendants listens on.
   *
   * @throws IllegalStateException where there is no {@code /proc} to read (not Linux)
   */
  public static List<InetSocketAddress> of(ProcessHandle root) {
    if (!Files.isDirectory(Path.of("/proc/self/net"))) {
      throw new IllegalStateException("cannot list listening sockets: no /proc/self/net (the check needs Linux)");
    }
    List<InetSocketAddress> out = new ArrayList<>();
    for (ProcessHandle p : Stream.concat(Stream.of(root), root.descendants()).toList()) {
      Set<String> inodes = socketInodes(p.pid());
      if (inodes.isEmpty()) {
        continue;
      }
      Path net = Path.of("/proc", Long.toString(p.pid()), "net");
      out.addAll(listening(net.resolve("tcp"), inodes));
      out.addAll(listening(net.resolve("tcp6"), inodes));
    }
    return out;
  }

  /**
   * Those of {@link #of} on any address but 127.0.0.1 (an IPv6 socket bound to ::ffff:127.0.0.1 is
   * on 127.0.0.1). Stricter than "loopback": the TCK binds every server to 127.0.0.1, so 127.0.0.2
   * or ::1 mean the server chose its own address, and a test can plant such a listener without
   * leaving the machine.
   */
  public static List<InetSocketAddress> elsewhereThan127001(ProcessHandle root) {
    return of(root).stream().filter(a -> !a.getAddress().getHostAddress().equals("127.0.0.1")).toList();
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException e) {
          // The descriptor was closed while we listed them.
        }
      }
    } catch (NoSuchFileException e) {
      // The process ended while we looked.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the open files of process " + pid, e);
    }
    return inodes;
  }

  /** The listening entries of one {@code /proc/<pid>/net/tcp[6]} table whose inode is in {@code inodes}. */
  static List<InetSocketAddress> listening(Path table, Set<String> inodes) {
    List<String> lines;
    try {
      lines = Files.readAllLines(table);
    } catch (NoSuchFileException e) {
      return List.of(); // no IPv6 in this kernel, or the process ended
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
    List<InetSocketAddress> out = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 9 && f[3].equals(LISTEN) && inodes.contains(f[9])) {
        out.add(parse(f[1]));
      }
    }
    return out;
  }

  /**
   * An address as the kernel writes it there: hex {@code ADDR:PORT}, the address as 32-bit words
   * in host (little-endian) byte order, 1 word for IPv4, 4 for IPv6.
   */
  static InetSocketAddress parse(String hex) {
    String[] parts = hex.split(":");
    byte[] address = new byte[parts[0].length() / 2];
    for (int word = 0; word < address.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = word * 8 + (3 - b) * 2;
        address[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
      }
    }
    try {
      // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) comes back as the IPv4 address.
      return new InetSocketAddress(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + hex, e);
    }
  }
}
