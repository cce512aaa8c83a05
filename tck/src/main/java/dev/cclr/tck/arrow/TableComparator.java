package dev.cclr.tck.arrow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares two canonical tables and reports the first difference: schema first (column count, then
 * each column's name, type, nullability and children), then values row by row in order, then the
 * row count. Values compare with {@code equals} on their canonical form (see {@link
 * CanonicalValues}), descending into lists, structs and maps so that the report names the exact
 * element, e.g. {@code row 3, column 1 (tags[2])}.
 *
 * <p>{@link #strict()} compares everything. Servers legitimately change some schema details of a
 * relation (Spark returns the session time zone on timestamps and its own nullability), so a
 * comparison can relax types or nullability; names and values are always compared.
 */
public final class TableComparator {
  private final boolean compareTypes;
  private final boolean compareNullability;

  private TableComparator(boolean compareTypes, boolean compareNullability) {
    this.compareTypes = compareTypes;
    this.compareNullability = compareNullability;
  }

  public static TableComparator strict() {
    return new TableComparator(true, true);
  }

  public TableComparator ignoringTypes() {
    return new TableComparator(false, compareNullability);
  }

  public TableComparator ignoringNullability() {
    return new TableComparator(compareTypes, false);
  }

  public Optional<Difference> compare(CanonicalTable expected, CanonicalTable actual) {
    Optional<Difference> schema = compareColumns(expected.columns(), actual.columns(), "columns");
    if (schema.isPresent()) {
      return schema;
    }
    int common = Math.min(expected.rowCount(), actual.rowCount());
    for (int row = 0; row < common; row++) {
      List<Object> e = expected.rows().get(row);
      List<Object> a = actual.rows().get(row);
      for (int column = 0; column < e.size(); column++) {
        String name = expected.columns().get(column).name();
        Optional<String[]> cell = compareValues(e.get(column), a.get(column), name);
        if (cell.isPresent()) {
          String[] d = cell.get();
          return Optional.of(new Difference(Difference.Kind.VALUE, row, column, d[0], d[1], d[2]));
        }
      }
    }
    if (expected.rowCount() != actual.rowCount()) {
      return Optional.of(
          new Difference(
              Difference.Kind.ROW_COUNT,
              common,
              -1,
              "rows",
              Integer.toString(expected.rowCount()),
              Integer.toString(actual.rowCount())));
    }
    return Optional.empty();
  }

  /** Throws an AssertionError naming the first difference, for use in tests. */
  public void assertSame(CanonicalTable expected, CanonicalTable actual) {
    compare(expected, actual)
        .ifPresent(
            d -> {
              throw new AssertionError(d + "\nexpected: " + expected + "\nactual:   " + actual);
            });
  }

  private Optional<Difference> compareColumns(
      List<CanonicalColumn> expected, List<CanonicalColumn> actual, String path) {
    if (expected.size() != actual.size()) {
      return Optional.of(
          new Difference(
              path.equals("columns") ? Difference.Kind.COLUMN_COUNT : Difference.Kind.COLUMN,
              -1,
              -1,
              path,
              expected.size() + " " + expected,
              actual.size() + " " + actual));
    }
    for (int i = 0; i < expected.size(); i++) {
      CanonicalColumn e = expected.get(i);
      CanonicalColumn a = actual.get(i);
      String at = path + "[" + i + "]";
      if (!e.name().equals(a.name())) {
        return column(at + ".name", e.name(), a.name());
      }
      if (compareTypes && !e.type().equals(a.type())) {
        return column(at + ".type (" + e.name() + ")", e.type(), a.type());
      }
      if (compareNullability && e.nullable() != a.nullable()) {
        return column(at + ".nullable (" + e.name() + ")", e.nullable(), a.nullable());
      }
      if (compareTypes) {
        Optional<Difference> children = compareColumns(e.children(), a.children(), at + ".children");
        if (children.isPresent()) {
          return children;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Difference> column(String path, Object expected, Object actual) {
    return Optional.of(
        new Difference(Difference.Kind.COLUMN, -1, -1, path, String.valueOf(expected), String.valueOf(actual)));
  }

  /** {path, expected, actual} of the first difference inside two cell values. */
  private static Optional<String[]> compareValues(Object expected, Object actual, String path) {
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        Optional<String[]> d = compareValues(e.get(i), a.get(i), path + "[" + i + "]");
        if (d.isPresent()) {
          return d;
        }
      }
      return e.size() == a.size()
          ? Optional.empty()
          : differ(path + ".size", e.size(), a.size());
    }
    if (expected instanceof StructValue e && actual instanceof StructValue a) {
      if (!e.names().equals(a.names())) {
        return differ(path + ".fields", e.names(), a.names());
      }
      for (int i = 0; i < e.values().size(); i++) {
        Optional<String[]> d =
            compareValues(e.values().get(i), a.values().get(i), path + "." + e.names().get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (expected instanceof MapValue e && actual instanceof MapValue a) {
      for (int i = 0; i < Math.min(e.entries().size(), a.entries().size()); i++) {
        MapValue.Entry x = e.entries().get(i);
        MapValue.Entry y = a.entries().get(i);
        Optional<String[]> d = compareValues(x.key(), y.key(), path + "{" + i + "}.key");
        if (d.isEmpty()) {
          d = compareValues(x.value(), y.value(), path + "{" + i + "}.value");
        }
        if (d.isPresent()) {
          return d;
        }
      }
      return e.entries().size() == a.entries().size()
          ? Optional.empty()
          : differ(path + ".size", e.entries().size(), a.entries().size());
    }
    if (Objects.equals(expected, actual)) {
      return Optional.empty();
    }
    String e = CanonicalValues.render(expected);
    String a = CanonicalValues.render(actual);
    if (e.equals(a)) {
      // Same text, different kind of value (e.g. Long 1 vs BigInteger 1): say so.
      e += " (" + expected.getClass().getSimpleName() + ")";
      a += " (" + actual.getClass().getSimpleName() + ")";
    }
    return Optional.of(new String[] {path, e, a});
  }

  private static Optional<String[]> differ(String path, Object expected, Object actual) {
    return Optional.of(new String[] {path, String.valueOf(expected), String.valueOf(actual)});
  }
}
