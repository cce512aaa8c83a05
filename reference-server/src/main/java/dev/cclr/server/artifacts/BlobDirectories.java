package dev.cclr.server.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-run blob directories under a store directory. Each run's directory is named after the
 * process that made it (pid and start time), so that a later run can recognise what a killed
 * server left behind: a directory whose process is gone, or whose pid now belongs to a process
 * started at another time, is stale and deleted at start-up; one whose process still runs (another
 * server sharing the store directory) is left alone, as is any directory not named this way.
 * Processes in another PID namespace (another container) cannot be seen, so two containers must
 * not share one store directory.
 */
public final class BlobDirectories {

  private static final Logger LOG = LoggerFactory.getLogger(BlobDirectories.class);
  static final String PREFIX = "cclr-blobs-";

  private BlobDirectories() {}

  /** Creates this run's directory under the store directory. */
  public static Path create(Path storeDir) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    return Files.createTempDirectory(storeDir, PREFIX + self.pid() + "-" + startMillis(self).orElse(0L) + "-");
  }

  /** Deletes the blob directories of server processes that no longer run; returns how many. */
  public static int removeStale(Path storeDir) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(storeDir, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir) && ownerGone(dir.getFileName().toString())) {
          LOG.info("Removing {}, left behind by a server process that no longer runs", dir);
          try {
            deleteRecursively(dir);
            removed++;
          } catch (UncheckedIOException e) {
            // Someone else's directory, say: a start must not fail over another run's leftovers.
            LOG.warn("Could not remove {}", dir, e);
          }
        }
      }
    }
    return removed;
  }

  /** True only for a name of the form cclr-blobs-PID-START-... whose process is provably gone. */
  static boolean ownerGone(String name) {
    String[] parts = name.substring(PREFIX.length()).split("-", 3);
    if (parts.length < 3) {
      return false;
    }
    long pid;
    long start;
    try {
      pid = Long.parseLong(parts[0]);
      start = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return true;
    }
    // The pid is in use: by the same process (not stale) or by a later one that reused it.
    Optional<Long> ownerStart = startMillis(owner.get());
    return start != 0 && ownerStart.isPresent() && ownerStart.get() != start;
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }

  /** Deletes a directory and everything in it; what cannot be deleted is logged and left. */
  public static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("Could not delete {}", p, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
