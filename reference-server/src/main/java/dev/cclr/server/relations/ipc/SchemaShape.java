package dev.cclr.server.relations.ipc;

import java.io.IOException;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The structural rules of an Arrow schema that Arrow Java's reader does not enforce and the
 * rest of the server relies on: every field has a name, a list has exactly one child, a map one
 * struct child of two, and a type that has no children has none. A schema message breaking them
 * (the chunk decoder fuzzer built one with a nameless field, which reached the type mapping as a
 * NullPointerException) fails as malformed input.
 */
final class SchemaShape {

  private SchemaShape() {}

  static void check(Schema schema) throws IOException {
    for (Field field : schema.getFields()) {
      check(field);
    }
  }

  /** Recursive: BoundedMessageReader has already bounded the depth of the field tree. */
  private static void check(Field field) throws IOException {
    if (field.getName() == null) {
      throw new IOException("Arrow schema has a field without a name.");
    }
    ArrowType type = field.getType();
    int children = field.getChildren().size();
    boolean ok = switch (type.getTypeID()) {
      case List, LargeList, FixedSizeList, ListView, LargeListView -> children == 1;
      case Map -> children == 1
          && field.getChildren().get(0).getType().getTypeID() == ArrowType.ArrowTypeID.Struct
          && field.getChildren().get(0).getChildren().size() == 2;
      case Struct, Union, RunEndEncoded -> true;
      default -> children == 0;
    };
    if (!ok) {
      throw new IOException("Arrow field '" + field.getName() + "' of type " + type
          + " has " + children + " children, which its type does not allow.");
    }
    for (Field child : field.getChildren()) {
      check(child);
    }
  }
}
