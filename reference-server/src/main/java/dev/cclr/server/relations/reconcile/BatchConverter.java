package dev.cclr.server.relations.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Fills an output root from an input batch following the column plans. Pass-through columns get
 * the input buffers (reference-counted, not copied); converted columns are written row by row
 * in row-major order across columns, so that the first failing value is the one Spark, which
 * converts row by row, would report.
 */
public final class BatchConverter {

  private final List<ColumnPlan> plans;
  private final List<Integer> converted = new ArrayList<>();

  public BatchConverter(List<ColumnPlan> plans) {
    this.plans = List.copyOf(plans);
    for (int i = 0; i < plans.size(); i++) {
      if (!plans.get(i).zeroCopy()) {
        converted.add(i);
      }
    }
  }

  /** True when no column needs a conversion: batches pass through untouched. */
  public boolean passesThrough() {
    return converted.isEmpty();
  }

  /** True when every output column is the input column at the same position, unconverted. */
  public boolean isIdentity() {
    for (int i = 0; i < plans.size(); i++) {
      if (!plans.get(i).zeroCopy() || plans.get(i).inputIndex() != i) {
        return false;
      }
    }
    return true;
  }

  /** Replaces the content of {@code output} with the converted rows of {@code input}. */
  public void convert(VectorSchemaRoot input, VectorSchemaRoot output) {
    output.clear();
    int rows = input.getRowCount();
    for (int i = 0; i < plans.size(); i++) {
      ColumnPlan plan = plans.get(i);
      if (plan.zeroCopy()) {
        handOver(input.getVector(plan.inputIndex()), output.getVector(i));
      }
    }
    // Rows only matter when some column is converted: a batch of no columns may claim billions
    // of rows for free (the chunk decoder fuzzer's timeout input), so no empty loop over them.
    for (int row = 0; !converted.isEmpty() && row < rows; row++) {
      for (int i : converted) {
        ColumnPlan plan = plans.get(i);
        plan.conversion().convert(input.getVector(plan.inputIndex()), row, output.getVector(i),
            row);
      }
    }
    for (int i : converted) {
      output.getVector(i).setValueCount(rows);
    }
    output.setRowCount(rows);
  }

  /** Loads the input vector's buffers into the output vector (same layout, other labels). */
  private static void handOver(FieldVector from, FieldVector to) {
    // The row count must be the source's: loading sets it on the target vector.
    VectorSchemaRoot source =
        new VectorSchemaRoot(List.of(from.getField()), List.of(from), from.getValueCount());
    VectorSchemaRoot target = new VectorSchemaRoot(List.of(to.getField()), List.of(to), 0);
    try (ArrowRecordBatch batch = new VectorUnloader(source).getRecordBatch()) {
      new VectorLoader(target).load(batch);
    }
  }
}
