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
 * Arrow schemas nested too deep, or whose field tree is cyclic, fail as errors of the request
 * (SRV-SEC-008, SRV-SEC-009) instead of overflowing the stack in Arrow's recursive conversion.
 * The cyclic schema is the chunk decoder fuzzer's first finding.
 */
class SchemaNestingTest extends PlannerTestBase {

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

  private static byte[] fuzzFinding(String name) throws IOException {
    try (InputStream in = SchemaNestingTest.class.getResourceAsStream(
        "ChunkDecoderFuzzTestInputs/decode/" + name)) {
      return in.readAllBytes();
    }
  }
}
