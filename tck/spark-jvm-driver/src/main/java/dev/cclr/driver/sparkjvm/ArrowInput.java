package dev.cclr.driver.sparkjvm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.sparkproject.org.apache.arrow.memory.BufferAllocator;
import org.sparkproject.org.apache.arrow.memory.RootAllocator;
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
import org.sparkproject.org.apache.arrow.vector.ipc.ArrowFileReader;
import org.sparkproject.org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Reads an Arrow IPC file (the driver's {@code CCLR_INPUT}) into a Spark schema and rows, in file
 * order, with the Java classes the client's {@code createDataFrame} accepts: Byte, Short, Integer,
 * Long, Float, Double, Boolean, String, byte[], java.sql.Date, java.sql.Timestamp,
 * java.math.BigDecimal, java.util.List for arrays and Row for structs.
 *
 * <p>Uses the Arrow shaded inside the Spark client (see {@link ArrowSchemas}).
 */
final class ArrowInput {

  private ArrowInput() {}

  static LocalData read(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      StructType schema = ArrowSchemas.toSpark(root.getSchema());
      List<Row> rows = new ArrayList<>();
      for (ArrowBlock block : reader.getRecordBlocks()) {
        reader.loadRecordBatch(block);
        // Readers are bound to the vectors of this batch; the values they return are copies.
        List<FieldVector> vectors = root.getFieldVectors();
        List<ValueReader> columns = new ArrayList<>(vectors.size());
        for (FieldVector v : vectors) {
          columns.add(readerFor(v));
        }
        for (int r = 0; r < root.getRowCount(); r++) {
          Object[] values = new Object[columns.size()];
          for (int c = 0; c < values.length; c++) {
            values[c] = columns.get(c).read(r);
          }
          rows.add(RowFactory.create(values));
        }
      }
      return new LocalData(schema, rows);
    }
  }

  /** One column's value at an index, null included. */
  @FunctionalInterface
  interface ValueReader {
    Object read(int index);
  }

  static ValueReader readerFor(ValueVector vector) {
    ValueReader nonNull = nonNullReaderFor(vector);
    return index -> vector.isNull(index) ? null : nonNull.read(index);
  }

  // Types checked by ArrowSchemas.toSpark first, so the vector classes here are the whole list.
  private static ValueReader nonNullReaderFor(ValueVector vector) {
    if (vector instanceof TinyIntVector v) {
      return v::get;
    } else if (vector instanceof SmallIntVector v) {
      return v::get;
    } else if (vector instanceof IntVector v) {
      return v::get;
    } else if (vector instanceof BigIntVector v) {
      return v::get;
    } else if (vector instanceof Float4Vector v) {
      return v::get;
    } else if (vector instanceof Float8Vector v) {
      return v::get;
    } else if (vector instanceof BitVector v) {
      return i -> v.get(i) != 0;
    } else if (vector instanceof VarCharVector v) {
      return i -> new String(v.get(i), StandardCharsets.UTF_8);
    } else if (vector instanceof VarBinaryVector v) {
      return v::get;
    } else if (vector instanceof DateDayVector v) {
      return i -> SparkDates.toDate(v.get(i));
    } else if (vector instanceof TimeStampMicroTZVector v) {
      return i -> SparkDates.toTimestamp(v.get(i));
    } else if (vector instanceof DecimalVector v) {
      return v::getObject;
    } else if (vector instanceof ListVector v) {
      ValueReader element = readerFor(v.getDataVector());
      return i -> {
        int end = v.getElementEndIndex(i);
        List<Object> list = new ArrayList<>(end - v.getElementStartIndex(i));
        for (int e = v.getElementStartIndex(i); e < end; e++) {
          list.add(element.read(e));
        }
        return list;
      };
    } else if (vector instanceof StructVector v) {
      List<ValueReader> children = new ArrayList<>();
      for (FieldVector child : v.getChildrenFromFields()) {
        children.add(readerFor(child));
      }
      return i -> {
        Object[] values = new Object[children.size()];
        for (int c = 0; c < values.length; c++) {
          values[c] = children.get(c).read(i);
        }
        return RowFactory.create(values);
      };
    }
    throw new ArrowSchemas.UnsupportedTypeException(
        vector.getName() + ": no reader for " + vector.getClass().getSimpleName());
  }
}
