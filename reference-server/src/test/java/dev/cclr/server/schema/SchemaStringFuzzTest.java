package dev.cclr.server.schema;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cclr.server.errors.SparkError;
import dev.cclr.server.testing.FuzzChecks;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: the schema-string parser (DDL table schema, data type, simple "a:int" strings,
 * Spark's JSON format). The input bytes, UTF-8 decoded, are parsed as a LocalRelation's schema.
 * Property: a struct comes back, or a SparkError that renders as a gRPC error with ErrorInfo;
 * and a schema that parsed is rendered by {@code sql()} as text that parses back to a schema
 * rendering the same (what the server prints it can read). Seeds:
 * {@code SchemaStringFuzzTestInputs/parse/}.
 */
class SchemaStringFuzzTest {

  private static final AtomicLong PARSED = new AtomicLong();
  private static final AtomicLong REFUSED = new AtomicLong();

  /** A hang: an input taking longer fails (in its own thread, so that even a busy loop is cut short; Jazzer reads the value as its -timeout). */
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "20s")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    SparkType.StructType schema;
    try {
      schema = SchemaStringParser.parseSchema(text);
    } catch (SparkError e) {
      FuzzChecks.assertReportable(e);
      REFUSED.incrementAndGet();
      return;
    }
    PARSED.incrementAndGet();
    String sql = schema.sql();
    SparkType.StructType again;
    try {
      again = SchemaStringParser.parseSchema(sql);
    } catch (SparkError e) {
      throw new AssertionError("the schema parsed from " + quote(text) + " renders as " + quote(sql)
          + ", which does not parse: " + e.getMessage(), e);
    }
    if (!again.sql().equals(sql)) {
      throw new AssertionError("the schema parsed from " + quote(text) + " renders as " + quote(sql)
          + ", which parses to a schema rendered as " + quote(again.sql()));
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @AfterAll
  static void report() {
    System.out.println("SchemaStringFuzzTest: " + PARSED.get() + " inputs parsed, " + REFUSED.get()
        + " refused with a SparkError");
  }
}
