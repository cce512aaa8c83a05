package dev.cclr.driver.sparkjvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a temporary name then renames it, so a reader never sees half a file. */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes the body of a file that {@link #write} then moves into place. */
  @FunctionalInterface
  interface Body {
    void writeTo(Path tmp) throws IOException;
  }

  static void writeString(Path file, String text) throws IOException {
    write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  static void write(Path file, Body body) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      body.writeTo(tmp);
      Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
