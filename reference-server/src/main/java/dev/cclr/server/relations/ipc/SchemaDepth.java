package dev.cclr.server.relations.ipc;

import dev.cclr.server.errors.SparkError;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;

/**
 * SRV-SEC-008: the nesting depth of an Arrow schema is checked on the raw flatbuffer, without
 * recursion, before Arrow Java builds its Field tree: Arrow's own code (Field.hashCode,
 * VectorSchemaRoot.create) recurses once per level and overflows the stack at about two thousand
 * nested lists. The limit is the schema-string parser's, so a schema string and the Arrow data it
 * describes are accepted to the same depth.
 */
final class SchemaDepth {

  /** Levels of nested types (a top-level column of a primitive type is level 1). */
  static final int MAX_NESTING = 500;

  private SchemaDepth() {}

  /**
   * Walks the field tree without recursion. Deeper than {@link #MAX_NESTING} fails with
   * {@link #tooDeep()}. More fields than the metadata has room for as distinct tables (each takes
   * at least 4 bytes) fails as malformed input: only a tree whose children point back at an
   * ancestor or share subtrees (flatbuffer offsets allow both) has that many, and Arrow's recursive
   * conversion would overflow the stack on it (found by the chunk decoder fuzzer).
   */
  static void check(Schema schema, int metadataLength) throws IOException {
    long fieldsLeft = metadataLength / 4;
    Deque<Field> fields = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    for (int i = 0; i < schema.fieldsLength(); i++) {
      fields.push(schema.fields(i));
      depths.push(1);
    }
    while (!fields.isEmpty()) {
      Field field = fields.pop();
      int depth = depths.pop();
      if (--fieldsLeft < 0) {
        throw new IOException("Arrow schema message lists more fields than its " + metadataLength
            + " bytes of metadata can hold: its field tree is cyclic.");
      }
      if (depth > MAX_NESTING) {
        throw tooDeep();
      }
      if (field == null) {
        continue;
      }
      checkUnionTypeIds(field, metadataLength);
      int children;
      try {
        children = field.childrenLength();
      } catch (RuntimeException corrupt) {
        continue; // a flatbuffer too corrupt to walk is left to Arrow, whose error Spark would report
      }
      for (int i = 0; i < children; i++) {
        fields.push(field.children(i));
        depths.push(depth + 1);
      }
    }
  }

  /**
   * Arrow Java allocates a union's array of type ids at the length the flatbuffer states, before
   * it reads a single id, so a corrupt length of two billion ran the heap out of memory (found by
   * the chunk decoder fuzzer after 2.2 million inputs). Each id takes 4 bytes of the metadata.
   */
  private static void checkUnionTypeIds(Field field, int metadataLength) throws IOException {
    int declared;
    try {
      if (field.typeType() != Type.Union) {
        return;
      }
      Union union = (Union) field.type(new Union());
      if (union == null) {
        return;
      }
      declared = union.typeIdsLength();
    } catch (RuntimeException corrupt) {
      return; // left to Arrow, whose error Spark would report
    }
    if (declared < 0 || declared > metadataLength / 4) {
      throw new IOException("Arrow union field lists " + declared + " type ids, more than its "
          + metadataLength + " bytes of metadata can hold.");
    }
  }

  /** A reference-server limit (Spark states none); SQLSTATE 54000, program limit exceeded. */
  static SparkError tooDeep() {
    return SparkError.builder("CCLR_ARROW_SCHEMA_TOO_DEEP")
        .sqlState("54000")
        .reason("org.apache.spark.SparkRuntimeException")
        .param("limit", MAX_NESTING)
        .text("The Arrow schema of a data chunk nests types more than " + MAX_NESTING
            + " levels deep; it was not read.")
        .build();
  }
}
