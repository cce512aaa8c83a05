package dev.cclr.server.relations;

import dev.cclr.proto.DataType;
import dev.cclr.proto.ShowString;
import dev.cclr.server.relations.reconcile.CellText;
import dev.cclr.server.schema.ProtoTypes;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.StructField;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * ShowString: one row with one non-null string column "show_string" holding the text table of
 * the input's first rows ({@link ShowStringFormat}). Shows at most num_rows + 1 input rows, and reads the rest only for its faults.
 */
final class ShowStringResult implements RelationResult {

  static final String COLUMN = "show_string";
  private static final DataType SCHEMA = ProtoTypes.toProto(SparkType.StructType.of(
      new StructField(COLUMN, SparkType.STRING, false)));
  private static final Schema ARROW_SCHEMA = new Schema(List.of(
      new Field(COLUMN, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null)));

  private final RelationResult input;
  private final ShowString show;
  private final ZoneId zone;
  private final BufferAllocator allocator;
  private final SparkType.StructType inputType;
  private VectorSchemaRoot output;
  private boolean done;

  ShowStringResult(RelationResult input, ShowString show, ZoneId sessionZone,
      BufferAllocator allocator) {
    this.input = input;
    this.show = show;
    this.zone = sessionZone;
    this.allocator = allocator;
    this.inputType = (SparkType.StructType) ProtoTypes.fromProto(input.sparkSchema());
  }

  /** Null when every column has a text form this server produces, else the first that has not. */
  static StructField unsupportedColumn(RelationResult input) {
    SparkType.StructType type = (SparkType.StructType) ProtoTypes.fromProto(input.sparkSchema());
    return type.fields().stream().filter(f -> !CellText.supports(f.type())).findFirst().orElse(null);
  }

  @Override
  public DataType sparkSchema() {
    return SCHEMA;
  }

  @Override
  public Schema arrowSchema() {
    return ARROW_SCHEMA;
  }

  @Override
  public VectorSchemaRoot nextBatch() {
    if (done) {
      return null;
    }
    done = true;
    int numRows = Math.max(0, show.getNumRows());
    long wanted = numRows + 1L;
    List<List<String>> rows = new ArrayList<>();
    VectorSchemaRoot batch;
    while (rows.size() < wanted && (batch = input.nextBatch()) != null) {
      for (int r = 0; r < batch.getRowCount() && rows.size() < wanted; r++) {
        List<String> row = new ArrayList<>(inputType.size());
        for (int c = 0; c < inputType.size(); c++) {
          row.add(CellText.of(batch.getVector(c), r, inputType.field(c).type(), zone));
        }
        rows.add(row);
      }
    }
    // The text needs no more rows, but a fault in a later chunk still fails the call (Spark reads
    // the whole local relation while planning).
    input.drainRest();
    boolean hasMore = rows.size() > numRows;
    List<List<String>> shown = hasMore ? rows.subList(0, numRows) : rows;
    List<String> names = inputType.fields().stream().map(StructField::name).toList();
    String text = ShowStringFormat.format(names, shown, hasMore, numRows, show.getTruncate(),
        show.getVertical());
    output = VectorSchemaRoot.create(ARROW_SCHEMA, allocator);
    VarCharVector vector = (VarCharVector) output.getVector(0);
    vector.setSafe(0, text.getBytes(StandardCharsets.UTF_8));
    vector.setValueCount(1);
    output.setRowCount(1);
    return output;
  }

  @Override
  public void close() {
    try {
      if (output != null) {
        output.close();
      }
    } finally {
      try {
        input.close();
      } finally {
        allocator.close();
      }
    }
  }
}
