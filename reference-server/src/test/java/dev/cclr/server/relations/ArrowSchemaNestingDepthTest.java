package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.server.errors.SparkError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * SRV-SEC-008 for Arrow schemas (the schema-string side is in SchemaStringParserTest): a data
 * chunk whose column nests 500 lists deep is read; one level more is refused with
 * CCLR_ARROW_SCHEMA_TOO_DEEP; and a schema 20 000 levels deep — deep enough to overflow Arrow
 * Java's recursive code — is refused the same way, without a StackOverflowError and without leaks.
 */
class ArrowSchemaNestingDepthTest extends PlannerTestBase {

  @Test
  void theLimitIsFiveHundredLevels() {
    blobs.put("ok", emptyStreamNested(500));
    assertEquals(0, rows(chunked(null, "ok")).size());

    blobs.put("deep", emptyStreamNested(501));
    assertError(error(chunked(null, "deep")), "CCLR_ARROW_SCHEMA_TOO_DEEP", "54000", Map.of("limit", "500"),
        "The Arrow schema of a data chunk nests types more than 500 levels deep; it was not read.");
  }

  @Test
  void aHostileDepthIsRefusedWithoutOverflowingTheStack() throws Exception {
    blobs.put("hostile", emptyStreamNested(20_000));
    SparkError e = error(chunked(null, "hostile"));
    assertEquals("CCLR_ARROW_SCHEMA_TOO_DEEP", e.errorClass(), e.text());
  }

  /**
   * A stream of one schema message and the end marker: one column of lists around an int, {@code
   * levels} deep counted as the server counts (the column is level 1, the int is the last level). Arrow's serializer recurses per level, so it runs on a thread with a large stack.
   */
  static byte[] emptyStreamNested(int levels) {
    AtomicReference<byte[]> bytes = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(null, () -> {
      try {
        Field f = Field.nullable("item", new ArrowType.Int(32, true));
        for (int i = 1; i < levels; i++) {
          f = new Field(i == levels - 1 ? "a" : "item", FieldType.nullable(ArrowType.List.INSTANCE), List.of(f));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriteChannel channel = new WriteChannel(Channels.newChannel(out));
        MessageSerializer.serialize(channel, new Schema(List.of(f)));
        ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
        bytes.set(out.toByteArray());
      } catch (IOException e) {
        failure.set(new UncheckedIOException(e));
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "deep-schema-writer", 1L << 30);
    writer.start();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (failure.get() != null) {
      throw new AssertionError("could not write the test schema", failure.get());
    }
    return bytes.get();
  }
}
