package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.errors.SparkError;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/**
 * Malformed Arrow schema messages fail as errors of the request (SRV-SEC-008, SRV-SEC-009):
 * schemas nested too deep, a cyclic field tree (which overflowed the stack in Arrow's recursive
 * conversion) and a field without a name (which reached the type mapping as a
 * NullPointerException). The last two are the chunk decoder fuzzer's findings.
 */
class MalformedSchemaTest extends PlannerTestBase {

  /** A column of lists nested until the field tree is {@code depth} levels deep (an int at the bottom). */
  private byte[] nestedLists(int depth) {
    Field f = Ipc.field("leaf", true, new ArrowType.Int(32, true));
    for (int level = depth - 1; level >= 1; level--) {
      f = Ipc.field(level == 1 ? "deep" : "element", true, ArrowType.List.INSTANCE, f);
    }
    return Ipc.stream(allocator, Ipc.schema(f), root -> root.setRowCount(0));
  }

  @Test
  void aSchemaSixtyFourLevelsDeepIsAccepted() {
    blobs.put("d", nestedLists(64));
    assertEquals(List.of(), rows(chunked(null, "d")));
  }

  @Test
  void aSchemaSixtyFiveLevelsDeepIsRefused() {
    blobs.put("d", nestedLists(65));
    SparkError e = error(chunked(null, "d"));
    assertEquals("java.io.IOException", e.reason());
    assertEquals("Arrow schema nested deeper than the 64 levels this server accepts.", e.text());
  }

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

  private static byte[] fuzzFinding(String name) throws IOException {
    try (InputStream in = MalformedSchemaTest.class.getResourceAsStream(
        "ChunkDecoderFuzzTestInputs/decode/" + name)) {
      return in.readAllBytes();
    }
  }
}
