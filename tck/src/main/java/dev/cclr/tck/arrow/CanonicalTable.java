package dev.cclr.tck.arrow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of an Arrow result or input in a plain-Java form that compares exactly: a schema of {@link
 * CanonicalColumn}s and rows of values as {@link CanonicalValues} describes them. Independent of
 * Arrow buffers, so it outlives the allocator it was read with and can be built by hand in tests.
 */
public record CanonicalTable(List<CanonicalColumn> columns, List<List<Object>> rows) {
  public CanonicalTable {
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " values for " + columns.size() + " columns: " + row);
      }
      // Cells may be null, which List.copyOf refuses.
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }

  public static CanonicalTable empty() {
    return new CanonicalTable(List.of(), List.of());
  }

  public int rowCount() {
    return rows.size();
  }

  public List<String> columnNames() {
    return columns.stream().map(CanonicalColumn::name).toList();
  }

  /**
   * This table's rows followed by other's; the schemas must be equal.
   *
   * @throws SchemasDiffer when they are not
   */
  public CanonicalTable concat(CanonicalTable other) {
    if (!columns.equals(other.columns)) {
      throw new SchemasDiffer(columns, other.columns);
    }
    List<List<Object>> all = new ArrayList<>(rows);
    all.addAll(other.rows);
    return new CanonicalTable(columns, all);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CanonicalTable").append(columns);
    for (List<Object> row : rows) {
      s.append("\n  ").append(row.stream().map(CanonicalValues::render).toList());
    }
    return s.toString();
  }

  /**
   * Two tables (a server's result batches, a relation's chunks) that cannot be one table because
   * their schemas differ. Its own type so that a caller can tell this, which may be an answer to
   * judge, from a bug of the kit.
   */
  public static final class SchemasDiffer extends IllegalArgumentException {
    SchemasDiffer(List<CanonicalColumn> first, List<CanonicalColumn> second) {
      super("cannot concatenate tables with different schemas: " + first + " vs " + second);
    }
  }
}
