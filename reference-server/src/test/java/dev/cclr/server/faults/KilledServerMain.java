package dev.cclr.server.faults;

import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.nio.file.Path;

/**
 * The server process that {@link RestartTest} kills: starts a server on the store directory given
 * as the argument, spills three blobs into it, prints the blob directory and waits to be killed.
 */
public final class KilledServerMain {

  private KilledServerMain() {}

  public static void main(String[] args) throws Exception {
    TestServer t = new TestServer(Path.of(args[0]), b -> b.memoryBudget(0));
    Rpc rpc = new Rpc(t, args[1]);
    for (int i = 0; i < 3; i++) {
      rpc.put("cache/blob-" + i, Ipc.ints(10_000, i));
    }
    System.out.println("BLOBS " + t.server.blobDirectory());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
