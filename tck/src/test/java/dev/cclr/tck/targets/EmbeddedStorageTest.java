package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.ConnectSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code embedded:spill} really puts uploaded blobs in files, and {@code embedded} keeps a small one
 * in memory: the suite run against {@code embedded:spill} ({@code EmbeddedServerTckTest}) checks the
 * spill path only if this holds.
 */
class EmbeddedStorageTest {

  private static final ByteString BYTES = ByteString.copyFrom(new byte[1000]);

  @Test
  void theSpillTargetWritesEveryBlobToAFile() {
    try (EmbeddedTarget target = (EmbeddedTarget) Targets.open("embedded:spill", Profile.SPARK_4_1)) {
      assertEquals("embedded:spill", target.name());
      upload(target);
      assertEquals(1000, target.server().storeBytesInUse(), "the blob is in a spill file");
      assertEquals(0, target.server().blobMemoryInUse(), "no blob bytes in memory");
    }
  }

  @Test
  void thePlainTargetKeepsASmallBlobInMemory() {
    try (EmbeddedTarget target = (EmbeddedTarget) Targets.open("embedded", Profile.SPARK_4_2)) {
      assertEquals("embedded", target.name());
      upload(target);
      assertEquals(0, target.server().storeBytesInUse(), "nothing spilled");
      assertEquals(1000, target.server().blobMemoryInUse(), "the blob is in memory");
    }
  }

  @Test
  void theSpillTargetWithoutAProfileSpillsToo() {
    try (EmbeddedTarget target = (EmbeddedTarget) Targets.open("embedded:spill")) {
      upload(target);
      assertEquals(1000, target.server().storeBytesInUse());
    }
  }

  /**
   * A small blob fits the 48 KiB budget and stays in memory; a chunked artifact of three 32 KiB-ish
   * pieces does not, and ends up whole in a file (its first piece was held in memory, then moved).
   */
  @Test
  void theMidUploadTargetKeepsASmallBlobInMemoryAndMovesALargerOneToAFile() {
    try (EmbeddedTarget target = (EmbeddedTarget) Targets.open("embedded:spill-mid", Profile.SPARK_4_2)) {
      assertEquals("embedded:spill-mid", target.name());
      upload(target);
      assertEquals(1000, target.server().blobMemoryInUse(), "the small blob is in memory");
      int size = 70 * 1024;
      try (ConnectSession session = target.openSession()) {
        session.addArtifacts(List.of(new ArtifactBlob("cache/" + "cd".repeat(32),
            ByteString.copyFrom(new byte[size]))));
      }
      assertEquals(size, target.server().storeBytesInUse(), "the chunked artifact is in a file, whole");
      assertEquals(1000, target.server().blobMemoryInUse(), "its first piece no longer held in memory");
    }
  }

  @Test
  void anUnknownEmbeddedVariantIsRefusedWithTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Targets.open("embedded:spil", Profile.SPARK_4_2));
    assertTrue(e.getMessage().contains("embedded:spill"), e.getMessage());
  }

  private static void upload(EmbeddedTarget target) {
    try (ConnectSession session = target.openSession()) {
      session.addArtifacts(List.of(new ArtifactBlob("cache/" + "ab".repeat(32), BYTES)));
    }
  }
}
