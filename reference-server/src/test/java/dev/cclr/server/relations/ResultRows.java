package dev.cclr.server.relations;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Drains a result into plain Java rows (Arrow's getObject per cell) for assertions. */
final class ResultRows {

  private ResultRows() {}

  static List<List<Object>> drain(RelationResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (VectorSchemaRoot b = result.nextBatch(); b != null; b = result.nextBatch()) {
      for (int r = 0; r < b.getRowCount(); r++) {
        List<Object> row = new ArrayList<>();
        for (FieldVector v : b.getFieldVectors()) {
          row.add(comparable(v.getObject(r)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Byte arrays as hex text so that rows compare by content. */
  static Object comparable(Object value) {
    if (value instanceof byte[] b) {
      return "0x" + java.util.HexFormat.of().formatHex(b);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(comparable(o));
      }
      return out;
    }
    return value;
  }

  static List<Object> column(List<List<Object>> rows, int column) {
    List<Object> out = new ArrayList<>();
    for (List<Object> row : rows) {
      out.add(row.get(column));
    }
    return out;
  }
}
