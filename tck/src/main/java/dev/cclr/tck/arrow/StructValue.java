package dev.cclr.tck.arrow;

import java.util.ArrayList;
import java.util.List;

/**
 * A struct cell: field names and values in schema order. Equality is order-sensitive and includes
 * the names, as Arrow structs are.
 */
public record StructValue(List<String> names, List<Object> values) {
  public StructValue {
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + values.size() + " values");
    }
    names = List.copyOf(names);
    // List.copyOf rejects nulls, and a struct field may well be null.
    values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(names.get(i)).append('=').append(CanonicalValues.render(values.get(i)));
    }
    return s.append('}').toString();
  }
}
