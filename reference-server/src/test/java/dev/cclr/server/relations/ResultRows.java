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
          row.add(v.getObject(r));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static List<Object> column(List<List<Object>> rows, int column) {
    List<Object> out = new ArrayList<>();
    for (List<Object> row : rows) {
      out.add(row.get(column));
    }
    return out;
  }
}
