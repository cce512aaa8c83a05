package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.errors.SparkError;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Malformed Arrow schema messages fail as errors of the request (SRV-SEC-009): a cyclic field
 * tree (which overflowed the stack in Arrow's recursive conversion) and a field without a name
 * (which reached the type mapping as a NullPointerException), and a union whose type-id count
 * is corrupt (an out-of-memory error): all the chunk decoder fuzzer's findings. The nesting limit itself (SRV-SEC-008) is ArrowSchemaNestingDepthTest's.
 */
class MalformedSchemaTest extends PlannerTestBase {

  /** Before the fix Arrow recursed along the cycle until a StackOverflowError escaped the reader. */
  @Test
  void aSchemaWhoseFieldTreeIsCyclicFailsAsAnErrorOfTheRequest() throws IOException {
    byte[] cyclic = fuzzFinding("crash-8c8aa433e054eba0cf29d91843a638c22ab76187");
    blobs.put("cyclic", cyclic);
    SparkError chunkedError = error(chunked(null, "cyclic"));
    SparkError inlineError = error(local(null, cyclic));
    for (SparkError e : List.of(chunkedError, inlineError)) {
      assertTrue(e.getCause() instanceof Exception, "a plain exception of the request: " + e.getCause());
    }
  }

  /** Before the fix a NullPointerException escaped the planner instead of a SparkError. */
  @Test
  void aFieldWithoutANameFailsAsMalformedInput() throws IOException {
    byte[] nameless = fuzzFinding("crash-48e10fa59c6cfac221b012644f34b60ceb7810f6");
    blobs.put("nameless", nameless);
    for (SparkError e : List.of(error(chunked(null, "nameless")), error(local(null, nameless)))) {
      assertEquals("java.io.IOException", e.reason());
      assertEquals("Arrow schema has a field without a name.", e.text());
    }
  }

  /**
   * Before the fix Arrow allocated the union's type-id array at the corrupt length the metadata
   * states, which ran a 1 GiB heap out of memory (a larger heap only hid it).
   */
  @Test
  void aUnionWithMoreTypeIdsThanItsMetadataHoldsIsRefusedBeforeArrowAllocates() throws IOException {
    byte[] union = fuzzFinding("crash-4fdcb05f6fb96ebdc446274e805a3c2bd24078b8");
    blobs.put("union", union);
    for (SparkError e : List.of(error(chunked(null, "union")), error(local(null, union)))) {
      assertEquals("java.io.IOException", e.reason());
      assertTrue(e.text().startsWith("Arrow union field lists "), e.text());
    }
  }

  private static byte[] fuzzFinding(String name) throws IOException {
    try (InputStream in = MalformedSchemaTest.class.getResourceAsStream(
        "ChunkDecoderFuzzTestInputs/decode/" + name)) {
      return in.readAllBytes();
    }
  }
}
