package dev.cclr.driver.sparkjvm;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.sparkproject.org.apache.arrow.memory.BufferAllocator;
import org.sparkproject.org.apache.arrow.memory.RootAllocator;
import org.sparkproject.org.apache.arrow.vector.BaseFixedWidthVector;
import org.sparkproject.org.apache.arrow.vector.BaseVariableWidthVector;
import org.sparkproject.org.apache.arrow.vector.BigIntVector;
import org.sparkproject.org.apache.arrow.vector.BitVector;
import org.sparkproject.org.apache.arrow.vector.DateDayVector;
import org.sparkproject.org.apache.arrow.vector.DecimalVector;
import org.sparkproject.org.apache.arrow.vector.FieldVector;
import org.sparkproject.org.apache.arrow.vector.Float4Vector;
import org.sparkproject.org.apache.arrow.vector.Float8Vector;
import org.sparkproject.org.apache.arrow.vector.IntVector;
import org.sparkproject.org.apache.arrow.vector.SmallIntVector;
import org.sparkproject.org.apache.arrow.vector.TimeStampMicroTZVector;
import org.sparkproject.org.apache.arrow.vector.TinyIntVector;
import org.sparkproject.org.apache.arrow.vector.ValueVector;
import org.sparkproject.org.apache.arrow.vector.VarBinaryVector;
import org.sparkproject.org.apache.arrow.vector.VarCharVector;
import org.sparkproject.org.apache.arrow.vector.VectorSchemaRoot;
import org.sparkproject.org.apache.arrow.vector.complex.ListVector;
import org.sparkproject.org.apache.arrow.vector.complex.StructVector;
import org.sparkproject.org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * Writes rows to an Arrow IPC file (the driver's {@code CCLR_OUTPUT}) with the Arrow types of their
 * Spark schema (see {@link ArrowSchemas#toArrow}), in record batches of at most {@link #BATCH_ROWS}
 * rows.
 *
 * <p>Takes what collect hands back: boxed primitives, String, byte[], java.sql.Date or LocalDate,
 * java.sql.Timestamp or Instant, BigDecimal, a Scala Seq, java.util.List or array for arrays, and
 * Row for structs. Uses the Arrow shaded inside the Spark client.
 */
final class ArrowOutput {

  static final int BATCH_ROWS = 4096;

  private ArrowOutput() {}

  /** Writes the file directly; callers wanting atomicity write to a temporary name and rename. */
  static void write(LocalData data, Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.toArrow(data.schema()), allocator);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
      List<ValueWriter> columns = new ArrayList<>();
      for (FieldVector v : root.getFieldVectors()) {
        columns.add(writerFor(v));
      }
      writer.start();
      Iterator<Row> rows = data.rows().iterator();
      while (rows.hasNext()) {
        root.allocateNew();
        int n = 0;
        while (n < BATCH_ROWS && rows.hasNext()) {
          Row row = rows.next();
          if (row.length() != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length() + " values, schema has "
                + columns.size() + " columns");
          }
          for (int c = 0; c < columns.size(); c++) {
            columns.get(c).write(n, row.get(c));
          }
          n++;
        }
        root.setRowCount(n);
        writer.writeBatch();
      }
      writer.end();
    }
  }

  /** Sets one column's value at an index, null included. */
  @FunctionalInterface
  interface ValueWriter {
    void write(int index, Object value);
  }

  static ValueWriter writerFor(ValueVector vector) {
    ValueWriter nonNull = nonNullWriterFor(vector);
    return (index, value) -> {
      if (value == null) {
        setNull(vector, index);
      } else {
        nonNull.write(index, value);
      }
    };
  }

  private static void setNull(ValueVector vector, int index) {
    if (vector instanceof StructVector v) {
      v.setNull(index);
    } else if (vector instanceof ListVector v) {
      v.setNull(index);
    } else if (vector instanceof BaseFixedWidthVector v) {
      v.setNull(index);
    } else if (vector instanceof BaseVariableWidthVector v) {
      v.setNull(index);
    } else {
      throw new IllegalStateException("cannot set null in " + vector.getClass().getSimpleName());
    }
  }

  // The vectors come from ArrowSchemas.toArrow, so these classes are the whole list. A value of an
  // unexpected class fails with a ClassCastException, which is a driver failure.
  private static ValueWriter nonNullWriterFor(ValueVector vector) {
    if (vector instanceof TinyIntVector v) {
      return (i, x) -> v.setSafe(i, (Byte) x);
    } else if (vector instanceof SmallIntVector v) {
      return (i, x) -> v.setSafe(i, (Short) x);
    } else if (vector instanceof IntVector v) {
      return (i, x) -> v.setSafe(i, (Integer) x);
    } else if (vector instanceof BigIntVector v) {
      return (i, x) -> v.setSafe(i, (Long) x);
    } else if (vector instanceof Float4Vector v) {
      return (i, x) -> v.setSafe(i, (Float) x);
    } else if (vector instanceof Float8Vector v) {
      return (i, x) -> v.setSafe(i, (Double) x);
    } else if (vector instanceof BitVector v) {
      return (i, x) -> v.setSafe(i, ((Boolean) x) ? 1 : 0);
    } else if (vector instanceof VarCharVector v) {
      return (i, x) -> v.setSafe(i, ((String) x).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      return (i, x) -> v.setSafe(i, (byte[]) x);
    } else if (vector instanceof DateDayVector v) {
      return (i, x) -> v.setSafe(i, SparkDates.toDays(x));
    } else if (vector instanceof TimeStampMicroTZVector v) {
      return (i, x) -> v.setSafe(i, SparkDates.toMicros(x));
    } else if (vector instanceof DecimalVector v) {
      // Arrow insists on the vector's scale; a value that would need rounding fails here.
      return (i, x) -> v.setSafe(i, ((BigDecimal) x).setScale(v.getScale(), RoundingMode.UNNECESSARY));
    } else if (vector instanceof ListVector v) {
      ValueWriter element = writerFor(v.getDataVector());
      return (i, x) -> {
        List<?> list = Sequences.asList(x);
        int start = v.startNewValue(i);
        for (int e = 0; e < list.size(); e++) {
          element.write(start + e, list.get(e));
        }
        v.endValue(i, list.size());
      };
    } else if (vector instanceof StructVector v) {
      List<FieldVector> childVectors = v.getChildrenFromFields();
      List<ValueWriter> children = new ArrayList<>();
      for (FieldVector child : childVectors) {
        children.add(writerFor(child));
      }
      return (i, x) -> {
        Row row = (Row) x;
        v.setIndexDefined(i);
        for (int c = 0; c < children.size(); c++) {
          children.get(c).write(i, row.get(c));
        }
      };
    }
    throw new ArrowSchemas.UnsupportedTypeException(
        vector.getName() + ": no writer for " + vector.getClass().getSimpleName());
  }
}
