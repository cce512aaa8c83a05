package dev.cclr.tck.arrow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Arrow IPC streams to and from canonical tables. Reading accepts what a conforming producer may
 * send: any number of record batches, zstd/lz4 compressed bodies, and dictionary-encoded top-level
 * columns (decoded to their values, so the canonical form does not depend on the encoding).
 */
public final class ArrowIpc {
  private ArrowIpc() {}

  /** All rows of one complete IPC stream (schema, batches, end-of-stream). */
  public static CanonicalTable read(byte[] ipcStream) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader =
            new ArrowStreamReader(
                new ByteArrayInputStream(ipcStream), allocator, CommonsCompressionFactory.INSTANCE)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<CanonicalColumn> columns = null;
      List<List<Object>> rows = new ArrayList<>();
      boolean anyBatch = false;
      while (reader.loadNextBatch()) {
        anyBatch = true;
        List<FieldVector> vectors = decodeDictionaries(root, reader.getDictionaryVectors(), allocator);
        try {
          if (columns == null) {
            columns = vectors.stream().map(v -> CanonicalColumn.of(v.getField())).toList();
          }
          for (int row = 0; row < root.getRowCount(); row++) {
            List<Object> values = new ArrayList<>(vectors.size());
            for (FieldVector vector : vectors) {
              values.add(CanonicalValues.valueAt(vector, row));
            }
            rows.add(values);
          }
        } finally {
          closeDecoded(vectors, root);
        }
      }
      if (!anyBatch) {
        // A stream with a schema and no batches is a valid empty relation.
        columns = root.getSchema().getFields().stream().map(CanonicalColumn::of).toList();
      }
      return new CanonicalTable(columns, rows);
    } catch (IOException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException
        | java.nio.BufferUnderflowException | NegativeArraySizeException
        | org.apache.arrow.vector.util.OversizedAllocationException e) {
      // What Arrow and its flatbuffers throw for bytes they cannot decode (a message or buffer out
      // of bounds, a negative or huge length, a bad layout). Other exceptions (a
      // NullPointerException, say) are bugs of the kit and stay as they are.
      throw new UndecodableStream(e);
    }
  }

  /**
   * An IPC stream whose bytes Arrow cannot decode. Callers judging a server's answer report it as a
   * broken result stream; it is an {@link UncheckedIOException} so earlier callers keep working.
   */
  public static final class UndecodableStream extends UncheckedIOException {
    UndecodableStream(Exception cause) {
      super("Not a readable Arrow IPC stream: " + cause,
          cause instanceof IOException io ? io : new IOException(cause));
    }
  }

  /** All rows of an Arrow IPC file (random-access format, magic ARROW1). */
  public static CanonicalTable readFile(java.nio.file.Path file) {
    try (BufferAllocator allocator = new RootAllocator();
        java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(file);
        org.apache.arrow.vector.ipc.ArrowFileReader reader =
            new org.apache.arrow.vector.ipc.ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<CanonicalColumn> columns = root.getSchema().getFields().stream().map(CanonicalColumn::of).toList();
      List<List<Object>> rows = new ArrayList<>();
      while (reader.loadNextBatch()) {
        for (int row = 0; row < root.getRowCount(); row++) {
          List<Object> values = new ArrayList<>(root.getFieldVectors().size());
          for (FieldVector vector : root.getFieldVectors()) {
            values.add(CanonicalValues.valueAt(vector, row));
          }
          rows.add(values);
        }
      }
      return new CanonicalTable(columns, rows);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(new IOException("Not a readable Arrow IPC file " + file + ": " + e.getMessage(), e));
    }
  }

  /** The streams read one after the other, as a chunked relation's chunks are; schemas must agree. */
  public static CanonicalTable readAll(List<byte[]> ipcStreams) {
    CanonicalTable result = null;
    for (byte[] stream : ipcStreams) {
      CanonicalTable table = read(stream);
      result = result == null ? table : result.concat(table);
    }
    return result == null ? CanonicalTable.empty() : result;
  }

  /** The row count of each record batch of one complete IPC stream, in order (values are not read). */
  public static List<Integer> recordBatchRowCounts(byte[] ipcStream) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader =
            new ArrowStreamReader(
                new ByteArrayInputStream(ipcStream), allocator, CommonsCompressionFactory.INSTANCE)) {
      List<Integer> counts = new ArrayList<>();
      while (reader.loadNextBatch()) {
        counts.add(reader.getVectorSchemaRoot().getRowCount());
      }
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException("Not a readable Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  /** One complete IPC stream holding the root's current contents as a single record batch. */
  public static byte[] write(VectorSchemaRoot root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<FieldVector> decodeDictionaries(
      VectorSchemaRoot root, Map<Long, Dictionary> dictionaries, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    for (FieldVector vector : root.getFieldVectors()) {
      DictionaryEncoding encoding = vector.getField().getDictionary();
      if (encoding == null) {
        vectors.add(vector);
      } else {
        Dictionary dictionary = dictionaries.get(encoding.getId());
        if (dictionary == null) {
          throw new IllegalStateException(
              "column " + vector.getName() + " refers to missing dictionary " + encoding.getId());
        }
        FieldVector decoded = (FieldVector) DictionaryEncoder.decode(vector, dictionary, allocator);
        vectors.add(decoded);
      }
    }
    return vectors;
  }

  private static void closeDecoded(List<FieldVector> vectors, VectorSchemaRoot root) {
    for (FieldVector vector : vectors) {
      if (!root.getFieldVectors().contains(vector)) {
        vector.close();
      }
    }
  }
}
