package dev.cclr.tck.clienttck.checks;

import com.google.protobuf.ByteString;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.drivers.LocalDataRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Rules of the chunk format (spec chapter 6) and of chunk cutting (§11.1) as they bind a client. */
final class ChunkChecks {
  private ChunkChecks() {}

  /** CLI-CHK-001: every data blob is one complete little-endian V5 IPC stream. */
  static Judgement completeStreams(ClientRun run) {
    return eachDataBlob(run, (key, a) -> a.problems.stream().map(p -> "data blob " + Blobs.shortKey(key) + " " + p).toList());
  }

  /** CLI-CHK-002: one Arrow schema in every data blob of a relation. */
  static Judgement oneSchema(ClientRun run) {
    List<LocalDataRelation> relations = Blobs.chunkedRelations(run);
    if (relations.isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    List<String> problems = new ArrayList<>();
    boolean compared = false;
    for (LocalDataRelation r : relations) {
      Schema first = null;
      String firstKey = null;
      for (String key : r.dataHashes().stream().distinct().toList()) {
        Optional<ByteString> blob = run.trace().blob(key);
        if (blob.isEmpty()) {
          continue;
        }
        Schema schema = ChunkAnatomy.of(blob.get()).schema;
        if (schema == null) {
          continue;
        }
        if (first == null) {
          first = schema;
          firstKey = key;
        } else {
          compared = true;
          if (!first.equals(schema)) {
            problems.add("data blob " + Blobs.shortKey(key) + " has schema " + schema + ", data blob "
                + Blobs.shortKey(firstKey) + " has " + first);
          }
        }
      }
    }
    if (!compared) {
      return Judgement.nothingToJudge("no relation had two distinct uploaded data blobs to compare");
    }
    return Judgement.of(problems);
  }

  /** CLI-CHK-003: core (or extended) types only; no dictionaries; no extension types. */
  static Judgement coreTypes(ClientRun run) {
    return eachDataBlob(run, (key, a) -> {
      List<String> problems = new ArrayList<>();
      if (a.dictionaryBatch) {
        problems.add("data blob " + Blobs.shortKey(key) + " carries a dictionary batch");
      }
      if (a.schema != null) {
        for (Field f : a.schema.getFields()) {
          typeProblems(f, f.getName(), problems, key);
        }
      }
      return problems;
    });
  }

  private static void typeProblems(Field f, String path, List<String> problems, String key) {
    String where = "data blob " + Blobs.shortKey(key) + " column " + path;
    if (f.getDictionary() != null) {
      problems.add(where + " is dictionary-encoded");
    }
    if (f.getMetadata().containsKey("ARROW:extension:name") || f.getType() instanceof ArrowType.ExtensionType) {
      problems.add(where + " has an extension type");
    }
    if (!allowed(f.getType())) {
      problems.add(where + " has type " + f.getType() + ", which is not a core or extended type of §6.4");
    }
    for (Field child : f.getChildren()) {
      typeProblems(child, path + "." + child.getName(), problems, key);
    }
  }

  private static boolean allowed(ArrowType t) {
    return switch (t.getTypeID()) {
      case Null, Bool, Utf8, LargeUtf8, Binary, LargeBinary, List, Struct, Map -> true;
      case Int -> ((ArrowType.Int) t).getIsSigned();
      case FloatingPoint -> ((ArrowType.FloatingPoint) t).getPrecision() != FloatingPointPrecision.HALF;
      case Decimal -> ((ArrowType.Decimal) t).getBitWidth() == 128;
      case Date -> ((ArrowType.Date) t).getUnit() == DateUnit.DAY;
      case Timestamp -> ((ArrowType.Timestamp) t).getUnit() == TimeUnit.MICROSECOND;
      case Interval -> ((ArrowType.Interval) t).getUnit() == IntervalUnit.YEAR_MONTH;
      case Duration -> ((ArrowType.Duration) t).getUnit() == TimeUnit.MICROSECOND;
      default -> false;
    };
  }

  /** CLI-CHK-004: record batch bodies are not compressed. */
  static Judgement uncompressed(ClientRun run) {
    return eachDataBlob(run, (key, a) -> a.compressed
        ? List.of("data blob " + Blobs.shortKey(key) + " has compressed record batch bodies") : List.of());
  }

  /** CLI-ALG-003: at most localRelationChunkSizeRows rows per data chunk. */
  static Judgement rowsWithinLimit(ClientRun run) {
    long limit = Long.parseLong(run.setting("spark.sql.session.localRelationChunkSizeRows"));
    Judgement j = eachDataBlob(run, (key, a) -> a.rows() > limit
        ? List.of("data blob " + Blobs.shortKey(key) + " has " + a.rows() + " rows, over localRelationChunkSizeRows = " + limit)
        : List.of());
    if (j.kind() == Judgement.Kind.HOLDS && run.input().rowCount() <= limit) {
      return Judgement.nothingToJudge("the input's " + run.input().rowCount() + " rows fit localRelationChunkSizeRows = " + limit
          + ", so no chunk had to be cut by rows");
    }
    return j;
  }

  /**
   * CLI-ALG-004: for a chunk of n rows, its first n − k rows take at most localRelationChunkSizeBytes,
   * k = min(1024, chunk rows setting). Measured by writing those rows again as a stream of their own.
   */
  static Judgement bytesWithinLimit(ClientRun run) {
    long limit = run.bytesSetting("spark.sql.session.localRelationChunkSizeBytes");
    long k = Math.min(1024, Long.parseLong(run.setting("spark.sql.session.localRelationChunkSizeRows")));
    Judgement j = eachDataBlob(run, (key, a) -> {
      ByteString blob = run.trace().blob(key).orElseThrow();
      if (blob.size() <= limit || a.rows() <= k) {
        return List.of();
      }
      int keep = (int) (a.rows() - k);
      long size = PrefixSize.of(blob.toByteArray(), keep);
      return size > limit
          ? List.of("data blob " + Blobs.shortKey(key) + " has " + a.rows() + " rows and " + blob.size() + " bytes; its first "
              + keep + " rows alone take " + size + " bytes, over localRelationChunkSizeBytes = " + limit)
          : List.of();
    });
    if (j.kind() == Judgement.Kind.HOLDS) {
      long largest = 0;
      for (LocalDataRelation r : Blobs.chunkedRelations(run)) {
        largest = Math.max(largest, r.dataHashes().stream().mapToLong(h -> run.trace().blob(h).map(ByteString::size).orElse(0)).sum());
      }
      if (largest <= limit) {
        return Judgement.nothingToJudge("the chunks of every relation take " + largest + " bytes together, within localRelationChunkSizeBytes = "
            + limit + ", so no chunk had to be cut by size");
      }
    }
    return j;
  }

  interface BlobJudge {
    List<String> problems(String key, ChunkAnatomy anatomy);
  }

  /** Applies a rule to every uploaded data blob the chunked relations refer to; fails on none. */
  static Judgement eachDataBlob(ClientRun run, BlobJudge judge) {
    Map<String, Optional<ByteString>> blobs = Blobs.dataBlobs(run);
    if (blobs.isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    List<String> problems = new ArrayList<>();
    int judged = 0;
    for (Map.Entry<String, Optional<ByteString>> e : blobs.entrySet()) {
      if (e.getValue().isPresent()) {
        judged++;
        problems.addAll(judge.problems(e.getKey(), ChunkAnatomy.of(e.getValue().get())));
      }
    }
    if (judged == 0) {
      return Judgement.nothingToJudge("none of the data blobs the relations refer to was uploaded in this run");
    }
    return Judgement.of(problems);
  }

  /** The size of the first rows of a chunk, written as a stream of their own. */
  static final class PrefixSize {
    private PrefixSize() {}

    static long of(byte[] stream, int rows) {
      try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator();
          org.apache.arrow.vector.ipc.ArrowStreamReader reader = new org.apache.arrow.vector.ipc.ArrowStreamReader(
              new java.io.ByteArrayInputStream(stream), allocator)) {
        org.apache.arrow.vector.VectorSchemaRoot root = reader.getVectorSchemaRoot();
        long size = 0;
        int left = rows;
        boolean first = true;
        while (left > 0 && reader.loadNextBatch()) {
          int take = Math.min(left, root.getRowCount());
          try (org.apache.arrow.vector.VectorSchemaRoot slice = root.slice(0, take)) {
            long written = ArrowIpc.write(slice).length;
            // Only the first batch brings the schema message and the end-of-stream marker.
            size += first ? written : written - schemaAndEnd(slice);
          }
          first = false;
          left -= take;
        }
        return size;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static long schemaAndEnd(org.apache.arrow.vector.VectorSchemaRoot root) {
      try (org.apache.arrow.vector.VectorSchemaRoot empty = root.slice(0, 0)) {
        return ArrowIpc.write(empty).length;
      }
    }
  }
}
