package dev.cclr.tck.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process and everything it started (a Spark server's JVM, a Sail server). */
public final class ProcessTrees {
  private ProcessTrees() {}

  /**
   * Asks the process and its descendants to terminate, waits up to {@code grace} for the process,
   * then kills whatever is still alive and waits for that too. Descendants are listed before the
   * parent is signalled, because once it dies they are re-parented and no longer found through it.
   */
  public static void destroy(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    root.descendants().forEach(tree::add);
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    await(root, grace);
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
      }
    }
    for (ProcessHandle handle : tree) {
      await(handle, Duration.ofSeconds(10));
    }
  }

  private static void await(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The caller escalates or gives up.
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for process " + handle.pid() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
