package dev.cclr.tck.arrow;

/**
 * The first place where two canonical tables differ.
 *
 * @param kind what differs
 * @param row the row index, or -1 for schema differences
 * @param column the column index, or -1 when not about one column
 * @param path where inside the cell or schema, e.g. {@code b[2].x} or {@code columns[1].type}
 * @param expected the expected value (rendered)
 * @param actual the actual value (rendered)
 */
public record Difference(Kind kind, int row, int column, String path, String expected, String actual) {

  public enum Kind {
    COLUMN_COUNT,
    COLUMN,
    ROW_COUNT,
    VALUE
  }

  @Override
  public String toString() {
    String where =
        switch (kind) {
          case COLUMN_COUNT -> "number of columns";
          case COLUMN -> "schema at " + path;
          case ROW_COUNT -> "number of rows";
          case VALUE -> "row " + row + ", column " + column + " (" + path + ")";
        };
    return where + ": expected " + expected + " but was " + actual;
  }
}
