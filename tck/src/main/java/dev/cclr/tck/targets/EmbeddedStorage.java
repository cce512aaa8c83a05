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
  },
  /**
   * A memory budget of 48 KiB, more than one 32 KiB piece and less than two: a chunked artifact's
   * first piece is kept in memory and its second does not fit, so the writer moves what it holds
   * to a new file in the middle of the upload and appends the rest there. Neither other variant
   * reaches that move (PIT: the copy of the pieces already held had no coverage). The budget is
   * the whole server's, so once small blobs held in memory use it up, later ones go straight to
   * files as in {@code embedded:spill}.
   */
  SPILL_MID_UPLOAD("embedded:spill-mid") {
    @Override
    ReferenceServer.Builder configure(ReferenceServer.Builder builder) {
      return builder.memoryBudget(MID_UPLOAD_BUDGET);
    }
  };

  /** 48 KiB: see {@link #SPILL_MID_UPLOAD}. */
  static final long MID_UPLOAD_BUDGET = 48 * 1024;

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
