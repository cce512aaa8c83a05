package dev.cclr.server.relations;

import java.util.List;

/**
 * Spark's text table for show() (Dataset.showString, observed on Spark 4.2.0): cells longer than
 * {@code truncate} are cut (to {@code truncate - 3} characters plus "..." when truncate is 4 or
 * more) while column names never are (observed: "value" stays whole at truncate 1), columns are at
 * least 3 wide, right-aligned when truncating and left-aligned otherwise,
 * NULL for a null cell, width counted in half-width units (East Asian wide characters count 2).
 * The footer "only showing top N rows" has no final newline; a vertical table of no rows is
 * just "(0 rows)".
 */
final class ShowStringFormat {

  private static final int MIN_WIDTH = 3;

  private ShowStringFormat() {}

  /**
   * @param names the column names
   * @param rows the shown rows, cells already as text (null for NULL)
   * @param hasMore whether the input has rows past those shown
   * @param numRows the requested row count, already clamped at 0
   */
  static String format(List<String> names, List<List<String>> rows, boolean hasMore, int numRows,
      int truncate, boolean vertical) {
    List<List<String>> cells = rows.stream()
        .map(r -> r.stream().map(c -> cut(c == null ? "NULL" : c, truncate)).toList()).toList();
    StringBuilder sb = new StringBuilder();
    if (vertical) {
      if (cells.isEmpty()) {
        return "(0 rows)";
      }
      vertical(sb, names, cells);
    } else {
      horizontal(sb, names, cells, truncate > 0);
    }
    if (hasMore) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
    }
    return sb.toString();
  }

  private static String cut(String s, int truncate) {
    if (truncate <= 0 || s.length() <= truncate) {
      return s;
    }
    return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
  }

  private static void horizontal(StringBuilder sb, List<String> header, List<List<String>> cells,
      boolean rightAlign) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(MIN_WIDTH, halfWidth(header.get(c)));
      for (List<String> row : cells) {
        widths[c] = Math.max(widths[c], halfWidth(row.get(c)));
      }
    }
    StringBuilder sep = new StringBuilder("+");
    for (int w : widths) {
      sep.append("-".repeat(w)).append('+');
    }
    sep.append('\n');
    sb.append(sep);
    line(sb, header, widths, rightAlign);
    sb.append(sep);
    for (List<String> row : cells) {
      line(sb, row, widths, rightAlign);
    }
    sb.append(sep);
  }

  private static void line(StringBuilder sb, List<String> row, int[] widths, boolean rightAlign) {
    sb.append('|');
    for (int c = 0; c < widths.length; c++) {
      String cell = row.get(c);
      String pad = " ".repeat(widths[c] - halfWidth(cell));
      sb.append(rightAlign ? pad + cell : cell + pad).append('|');
    }
    sb.append('\n');
  }

  private static void vertical(StringBuilder sb, List<String> names, List<List<String>> cells) {
    int nameWidth = MIN_WIDTH;
    for (String n : names) {
      nameWidth = Math.max(nameWidth, halfWidth(n));
    }
    int dataWidth = MIN_WIDTH;
    for (List<String> row : cells) {
      for (String cell : row) {
        dataWidth = Math.max(dataWidth, halfWidth(cell));
      }
    }
    for (int i = 0; i < cells.size(); i++) {
      String header = "-RECORD " + i;
      sb.append(header).append("-".repeat(Math.max(0, nameWidth + dataWidth + 5 - header.length())))
          .append('\n');
      for (int c = 0; c < names.size(); c++) {
        String name = names.get(c);
        String cell = cells.get(i).get(c);
        sb.append(' ').append(name).append(" ".repeat(Math.max(0, nameWidth - halfWidth(name))))
            .append(" | ").append(cell).append(" ".repeat(Math.max(0, dataWidth - halfWidth(cell))))
            .append(" \n");
      }
    }
  }

  /** Spark's Utils.stringHalfWidth: characters in the full-width ranges count twice. */
  static int halfWidth(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      width += isFullWidth(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width;
  }

  private static boolean isFullWidth(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
  }
}
