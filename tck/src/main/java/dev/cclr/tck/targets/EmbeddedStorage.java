package dev.cclr.tck.targets;

import dev.cclr.server.ReferenceServer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the embedded reference server keeps uploaded blobs: a closed set, one per target name.
 * {@code embedded} keeps them in memory up to the server's default budget (256 MiB), so no case but
 * the {@code large} ones ever reaches the spill files; {@code embedded:spill} gives the server a
 * memory budget of 0, so that every non-empty blob is written to a spill file and read back from it,
 * and the same cases check the file path (issue 15: without it, PIT found the spill code uncovered).
 */
public enum EmbeddedStorage {
  /** The server's defaults: blobs in memory while the budget allows, the rest spilled. */
  MEMORY_FIRST("embedded") {
    @Override
    ReferenceServer.Builder configure(ReferenceServer.Builder builder) {
      return builder;
    }
  },
  /** A memory budget of 0: every non-empty blob goes to a file (an empty one fits in 0 bytes). */
  SPILL_EVERY_BLOB("embedded:spill") {
    @Override
    ReferenceServer.Builder configure(ReferenceServer.Builder builder) {
      return builder.memoryBudget(0);
    }
  };

  private final String targetName;

  EmbeddedStorage(String targetName) {
    this.targetName = targetName;
  }

  /** The name of the target on the command line ({@code --target embedded:spill}). */
  public String targetName() {
    return targetName;
  }

  /** The storage a target name stands for ({@code embedded}, {@code embedded:spill}), if it is one of them. */
  public static Optional<EmbeddedStorage> named(String targetName) {
    return Arrays.stream(values()).filter(s -> s.targetName.equals(targetName)).findFirst();
  }

  abstract ReferenceServer.Builder configure(ReferenceServer.Builder builder);
}
