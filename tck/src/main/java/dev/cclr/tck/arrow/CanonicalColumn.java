package dev.cclr.tck.arrow;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A column (or nested field) of a canonical table: name, Arrow type as Arrow prints it (e.g. {@code
 * Int(32, true)}, {@code Timestamp(MICROSECOND, UTC)}, {@code Decimal(10, 2, 128)}), nullability
 * and children. Field metadata is deliberately left out: servers add and drop it freely.
 */
public record CanonicalColumn(String name, String type, boolean nullable, List<CanonicalColumn> children) {
  public CanonicalColumn {
    children = List.copyOf(children);
  }

  public static CanonicalColumn of(Field field) {
    return new CanonicalColumn(
        field.getName(),
        field.getType().toString(),
        field.isNullable(),
        field.getChildren().stream().map(CanonicalColumn::of).toList());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append(": ").append(type);
    if (!children.isEmpty()) {
      s.append(children);
    }
    if (!nullable) {
      s.append(" not null");
    }
    return s.toString();
  }
}
