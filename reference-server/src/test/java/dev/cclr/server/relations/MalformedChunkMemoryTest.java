package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.errors.SparkError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed chunks (a truncated body or header, a buffer outside the body, a compressed buffer
 * whose declared uncompressed length is wrong or absurd) fail without leaving Arrow memory
 * behind: {@link PlannerTestBase#noLeaks()} checks the root allocator after each case, both when
 * the error is raised while planning (decodeBeforeResult) and while draining.
 */
class MalformedChunkMemoryTest extends PlannerTestBase {

  private static final Path FIXTURES = Path.of("..", "fixtures", "server");

  private static byte[] fixture(String file) {
    try {
      return Files.readAllBytes(FIXTURES.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertFailsWithoutLeaking(byte[] chunk) {
    blobs.put("bad", chunk);
    SparkError e = error(chunked(null, "bad"));
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory left after: " + e.text());

    planner = new ReferenceRelationPlanner(new PlannerOptions(true, 4L << 30));
    SparkError again = error(chunked(null, "bad"));
    assertEquals(e.text(), again.text(), "same error planning and draining");
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory left after: " + e.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "chunked-truncated-chunk/cut-in-body.bin",
      "chunked-truncated-chunk/cut-in-metadata.bin",
      "chunked-buffer-outside-body/buffer-outside-body.bin",
      "compression-declared-length-mismatch/declares-one-less.bin",
      "compression-declared-length-mismatch/declares-more.bin",
      "compression-declared-length-too-large/declares-1tib.bin"})
  void malformedFixturesReleaseEverything(String file) {
    assertFailsWithoutLeaking(fixture(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "compression-lz4-chunks/small.arrows",
      "compression-declared-length-too-large/c1.arrows"})
  void compressedChunksCutAfterTheSchemaOrInTheBodyReleaseEverything(String file) {
    byte[] full = fixture(file);
    // Cut at several points: inside the schema, right after it, inside the batch body.
    for (int cut : new int[] {full.length / 4, full.length / 2, full.length - 9}) {
      blobs.put("cut" + cut, Arrays.copyOf(full, cut));
      assertThrows(SparkError.class, () -> rows(chunked(null, "cut" + cut)));
      assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory left after a cut at " + cut);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, -1})
  void lz4BufferWithAWrongDeclaredLengthIsRejectedWithoutLeaking(int delta) {
    byte[] full = fixture("compression-lz4-chunks/big.arrows");
    // The first compressed buffer: an 8-byte little-endian length before the LZ4 frame magic.
    int at = -1;
    for (int i = 8; i + 4 <= full.length; i++) {
      if (full[i] == 0x04 && full[i + 1] == 0x22 && full[i + 2] == 0x4D && full[i + 3] == 0x18) {
        at = i - 8;
        break;
      }
    }
    assertTrue(at >= 0, "no LZ4 frame in the fixture");
    byte[] bad = full.clone();
    bad[at] = (byte) (bad[at] + delta);
    assertFailsWithoutLeaking(bad);
  }
}
