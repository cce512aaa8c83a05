package dev.cclr.driver.sparkjvm;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.sparkproject.org.apache.arrow.memory.BufferAllocator;
import org.sparkproject.org.apache.arrow.memory.RootAllocator;
import org.sparkproject.org.apache.arrow.vector.VectorSchemaRoot;
import org.sparkproject.org.apache.arrow.vector.ipc.ArrowFileReader;
import org.sparkproject.org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.sparkproject.org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Schema;

/** Test helpers: raw Arrow IPC files through the shaded Arrow API, and exact row comparison. */
final class ArrowFiles {

  private ArrowFiles() {}

  /** Fills one batch of a root; the test writes its vectors with the plain Arrow API. */
  @FunctionalInterface
  interface BatchFiller {
    void fill(VectorSchemaRoot root);
  }

  static void write(Path file, Schema schema, BatchFiller... batches) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
      writer.start();
      for (BatchFiller batch : batches) {
        root.allocateNew();
        batch.fill(root);
        writer.writeBatch();
      }
      writer.end();
    }
  }

  /** Schema, number of record batches and rows of a file. */
  record RawFile(Schema schema, int batches, int rows) {}

  static RawFile readRaw(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      int rows = 0;
      List<ArrowBlock> blocks = reader.getRecordBlocks();
      for (ArrowBlock block : blocks) {
        reader.loadRecordBatch(block);
        rows += root.getRowCount();
      }
      return new RawFile(root.getSchema(), blocks.size(), rows);
    }
  }

  /**
   * Whether two files hold the same schema and batches with equal vectors, in Arrow's own
   * comparison (value bytes compared exactly, so NaN and -0.0 bit for bit).
   */
  static boolean sameContent(Path a, Path b) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel ca = FileChannel.open(a, StandardOpenOption.READ);
        FileChannel cb = FileChannel.open(b, StandardOpenOption.READ);
        ArrowFileReader ra = new ArrowFileReader(ca, allocator);
        ArrowFileReader rb = new ArrowFileReader(cb, allocator)) {
      if (!ra.getVectorSchemaRoot().getSchema().equals(rb.getVectorSchemaRoot().getSchema())) {
        return false;
      }
      List<ArrowBlock> blocksA = ra.getRecordBlocks();
      List<ArrowBlock> blocksB = rb.getRecordBlocks();
      if (blocksA.size() != blocksB.size()) {
        return false;
      }
      for (int i = 0; i < blocksA.size(); i++) {
        ra.loadRecordBatch(blocksA.get(i));
        rb.loadRecordBatch(blocksB.get(i));
        if (!ra.getVectorSchemaRoot().equals(rb.getVectorSchemaRoot())) {
          return false;
        }
      }
      return true;
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Null when equal, else the first difference. Floats bit for bit (NaN = NaN, -0.0 != 0.0). */
  static String firstDifference(List<Row> want, List<Row> got) {
    if (want.size() != got.size()) {
      return "row count " + want.size() + " vs " + got.size();
    }
    for (int r = 0; r < want.size(); r++) {
      String d = difference("row " + r, want.get(r), got.get(r));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String difference(String where, Object w, Object g) {
    if (w == null || g == null) {
      return w == g ? null : where + ": " + w + " vs " + g;
    }
    if (w instanceof Row wr && g instanceof Row gr) {
      if (wr.length() != gr.length()) {
        return where + ": " + wr.length() + " vs " + gr.length() + " fields";
      }
      for (int i = 0; i < wr.length(); i++) {
        String d = difference(where + "." + i, wr.get(i), gr.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (isSequence(w) && isSequence(g)) {
      List<?> wl = Sequences.asList(w);
      List<?> gl = Sequences.asList(g);
      if (wl.size() != gl.size()) {
        return where + ": " + wl.size() + " vs " + gl.size() + " elements";
      }
      for (int i = 0; i < wl.size(); i++) {
        String d = difference(where + "[" + i + "]", wl.get(i), gl.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    boolean same;
    if (w instanceof byte[] wb && g instanceof byte[] gb) {
      same = Arrays.equals(wb, gb);
    } else if (w instanceof Double wd && g instanceof Double gd) {
      same = Double.doubleToLongBits(wd) == Double.doubleToLongBits(gd);
    } else if (w instanceof Float wf && g instanceof Float gf) {
      same = Float.floatToIntBits(wf) == Float.floatToIntBits(gf);
    } else if (w instanceof java.sql.Date || w instanceof java.time.LocalDate) {
      same = SparkDates.toDays(w) == SparkDates.toDays(g);
    } else if (w instanceof java.sql.Timestamp || w instanceof java.time.Instant) {
      same = SparkDates.toMicros(w) == SparkDates.toMicros(g);
    } else if (w instanceof BigDecimal) {
      same = w.equals(g); // scale included
    } else {
      same = Objects.equals(w, g) && w.getClass() == g.getClass();
    }
    return same ? null : where + ": " + describe(w) + " vs " + describe(g);
  }

  private static boolean isSequence(Object v) {
    return v instanceof List<?> || v instanceof scala.collection.Seq<?> || v instanceof Object[];
  }

  private static String describe(Object v) {
    return (v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)) + " (" + v.getClass().getSimpleName() + ")";
  }

  static List<Row> rowsOf(Row... rows) {
    return new ArrayList<>(Arrays.asList(rows));
  }
}
