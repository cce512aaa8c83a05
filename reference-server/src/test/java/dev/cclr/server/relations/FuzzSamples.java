package dev.cclr.server.relations;

import static org.apache.arrow.vector.compression.CompressionUtil.CodecType.LZ4_FRAME;
import static org.apache.arrow.vector.compression.CompressionUtil.CodecType.NO_COMPRESSION;
import static org.apache.arrow.vector.compression.CompressionUtil.CodecType.ZSTD;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Meaningful inputs for the fuzz targets: Arrow IPC streams of many shapes (every body plain,
 * ZSTD and LZ4_FRAME compressed; empty buffers under compression; zero-row batches; a schema
 * with no batch), schema strings in the forms clients send, and blobs that are not IPC at all.
 * The seed corpora are written from these by {@link FuzzSeeds}, and the planning target's blob
 * store holds them.
 */
final class FuzzSamples {

  private FuzzSamples() {}

  /** Named IPC streams, each in the three body encodings. */
  static Map<String, byte[]> ipcStreams() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (RootAllocator allocator = new RootAllocator()) {
      for (CompressionUtil.CodecType codec : new CompressionUtil.CodecType[] {NO_COMPRESSION, ZSTD, LZ4_FRAME}) {
        String suffix = "-" + codec.name().toLowerCase();
        out.put("ints" + suffix, Ipc.stream(allocator,
            Ipc.schema(Ipc.field("id", true, new ArrowType.Int(32, true))), codec, root -> {
              IntVector v = (IntVector) root.getVector(0);
              for (int i = 0; i < 5; i++) {
                v.setSafe(i, i * 7);
              }
              v.setNull(3);
              root.setRowCount(5);
            }));
        // No nulls: the validity buffer is empty, the case Arrow Java has got wrong when compressed.
        out.put("ints-not-null" + suffix, Ipc.stream(allocator,
            Ipc.schema(Ipc.field("id", false, new ArrowType.Int(64, true))), codec, root -> {
              BigIntVector v = (BigIntVector) root.getVector(0);
              for (int i = 0; i < 3; i++) {
                v.setSafe(i, 1L << (20 * i));
              }
              root.setRowCount(3);
            }, root -> {
              ((BigIntVector) root.getVector(0)).setSafe(0, -1);
              root.setRowCount(1);
            }));
        out.put("zero-rows" + suffix, Ipc.stream(allocator,
            Ipc.schema(Ipc.field("s", true, ArrowType.Utf8.INSTANCE)), codec,
            root -> root.setRowCount(0)));
        out.put("strings-binary" + suffix, Ipc.stream(allocator, Ipc.schema(
            Ipc.field("s", true, ArrowType.Utf8.INSTANCE),
            Ipc.field("b", true, ArrowType.Binary.INSTANCE),
            Ipc.field("e", true, ArrowType.Utf8.INSTANCE)), codec, root -> {
              VarCharVector s = (VarCharVector) root.getVector(0);
              VarBinaryVector b = (VarBinaryVector) root.getVector(1);
              VarCharVector e = (VarCharVector) root.getVector(2);
              s.setSafe(0, "héllo".getBytes(StandardCharsets.UTF_8));
              s.setNull(1);
              b.setSafe(0, new byte[] {0, 1, 2});
              b.setSafe(1, new byte[0]);
              e.setSafe(0, new byte[0]);
              e.setSafe(1, new byte[0]);
              root.setRowCount(2);
            }));
        out.put("mixed" + suffix, Ipc.stream(allocator, Ipc.schema(
            Ipc.field("flag", true, ArrowType.Bool.INSTANCE),
            Ipc.field("x", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Ipc.field("d", true, new ArrowType.Decimal(10, 2, 128)),
            Ipc.field("ts", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))), codec, root -> {
              ((BitVector) root.getVector(0)).setSafe(0, 1);
              ((BitVector) root.getVector(0)).setNull(1);
              ((Float8Vector) root.getVector(1)).setSafe(0, Double.NaN);
              ((Float8Vector) root.getVector(1)).setSafe(1, -0.5);
              ((DecimalVector) root.getVector(2)).setSafe(0, new java.math.BigDecimal("12345678.91"));
              ((DecimalVector) root.getVector(2)).setNull(1);
              ((TimeStampMicroTZVector) root.getVector(3)).setSafe(0, 1_700_000_000_000_000L);
              ((TimeStampMicroTZVector) root.getVector(3)).setSafe(1, -1L);
              root.setRowCount(2);
            }));
        out.put("list-struct" + suffix, Ipc.stream(allocator, Ipc.schema(
            Ipc.field("l", true, ArrowType.List.INSTANCE,
                Ipc.field("element", true, new ArrowType.Int(32, true))),
            Ipc.field("st", true, ArrowType.Struct.INSTANCE,
                Ipc.field("a", true, new ArrowType.Int(32, true)),
                Ipc.field("b", true, ArrowType.Utf8.INSTANCE))), codec, root -> {
              ListVector l = (ListVector) root.getVector(0);
              UnionListWriter w = l.getWriter();
              w.setPosition(0);
              w.startList();
              w.integer().writeInt(1);
              w.integer().writeInt(2);
              w.endList();
              w.setPosition(1);
              w.startList();
              w.endList();
              w.setValueCount(2);
              StructVector st = (StructVector) root.getVector(1);
              ((IntVector) st.getChild("a")).setSafe(0, 9);
              ((VarCharVector) st.getChild("b")).setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
              st.setIndexDefined(0);
              st.setNull(1);
              root.setRowCount(2);
            }));
        out.put("schema-only" + suffix, Ipc.stream(allocator,
            Ipc.schema(Ipc.field("id", true, new ArrowType.Int(32, true))), codec));
      }
    }
    return out;
  }

  /** Schema strings as clients send them (Spark JSON, DDL, simple strings, bare types, empty). */
  static Map<String, String> schemaStrings() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("ddl-int", "id INT");
    out.put("ddl-many", "a INT NOT NULL, b STRING COMMENT 'c''s', c DECIMAL(38, 10), d ARRAY<MAP<STRING, BIGINT>>");
    out.put("ddl-nested", "s STRUCT<x: BIGINT NOT NULL, `y z`: ARRAY<STRUCT<q: DOUBLE>>>, t TIMESTAMP_NTZ");
    out.put("ddl-collate", "s STRING COLLATE UTF8_LCASE, v VARCHAR(10), ch CHAR(3)");
    out.put("ddl-intervals", "i INTERVAL YEAR TO MONTH, j INTERVAL DAY TO SECOND, k INTERVAL HOUR");
    out.put("simple", "a:int,b:string");
    out.put("simple-spaces", " a : bigint , b : binary ");
    out.put("bare-int", "int");
    out.put("bare-struct", "struct<x: date, y: timestamp>");
    out.put("bare-map", "map<string, array<float>>");
    out.put("empty", "");
    out.put("json-struct", "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"integer\","
        + "\"nullable\":true,\"metadata\":{}},{\"name\":\"s\",\"type\":\"string\",\"nullable\":false,"
        + "\"metadata\":{\"comment\":\"hi\"}}]}");
    out.put("json-nested", "{\"type\":\"struct\",\"fields\":[{\"name\":\"m\",\"type\":{\"type\":\"map\","
        + "\"keyType\":\"string\",\"valueType\":{\"type\":\"array\",\"elementType\":\"decimal(10,2)\","
        + "\"containsNull\":true},\"valueContainsNull\":false},\"nullable\":true,\"metadata\":{}}]}");
    out.put("json-bare", "\"long\"");
    out.put("json-udt", "{\"type\":\"struct\",\"fields\":[{\"name\":\"v\",\"type\":{\"type\":\"udt\","
        + "\"class\":\"org.example.PointUDT\",\"pyClass\":\"example.PointUDT\",\"sqlType\":{\"type\":"
        + "\"array\",\"elementType\":\"double\",\"containsNull\":false}},\"nullable\":true,\"metadata\":{}}]}");
    out.put("bad-ddl", "a INT,, b");
    out.put("bad-decimal", "d DECIMAL(39, 0)");
    out.put("bad-json", "{\"type\":\"struct\",\"fields\":[{\"name\":1}]}");
    return out;
  }

  /** Blobs that are neither IPC streams nor schema strings, and broken IPC streams. */
  static Map<String, byte[]> junkBlobs(byte[] validStream) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("empty", new byte[0]);
    out.put("text", "not arrow".getBytes(StandardCharsets.UTF_8));
    out.put("truncated", Arrays.copyOf(validStream, validStream.length / 2));
    out.put("no-end-marker", Arrays.copyOf(validStream, validStream.length - 8));
    byte[] huge = validStream.clone();
    // The first message's metadata length (after the continuation marker) claims ~2 GiB.
    huge[4] = (byte) 0xF0;
    huge[5] = (byte) 0xFF;
    huge[6] = (byte) 0xFF;
    huge[7] = (byte) 0x7F;
    out.put("huge-length", huge);
    out.put("zeros", new byte[64]);
    out.put("invalid-utf8", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    return out;
  }

  /** The hex SHA-256 of the bytes: the names clients give cache blobs. */
  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
