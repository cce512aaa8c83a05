package dev.cclr.server.artifacts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The server recognises a full disk by the IOException Java raises for ENOSPC. Linux's /dev/full
 * fails every write with ENOSPC, without privileges, so the real exception is checked here on every
 * machine (FullStoreDirectoryTest checks the whole upload on a real full tmpfs where it can mount one).
 */
class OutOfSpaceRecognitionTest {

  @Test
  void enospcFromTheKernelIsRecognised() {
    IOException e = assertThrows(IOException.class, () -> {
      try (OutputStream out = Files.newOutputStream(Path.of("/dev/full"))) {
        out.write(new byte[4096]);
      }
    });
    assertTrue(StoreFullException.isOutOfSpace(e), e.toString());
    assertTrue(StoreFullException.isOutOfSpace(new IOException("wrapped", e)));
  }

  @Test
  void otherIoFailuresAreNot() {
    IOException e = assertThrows(NoSuchFileException.class,
        () -> Files.newOutputStream(Path.of("/nonexistent-dir-for-cclr/x")));
    assertFalse(StoreFullException.isOutOfSpace(e), e.toString());
  }
}
