package dev.cclr.tck.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.NullableStructWriter;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

class ArrowIpcTest {
  @Test
  void scalarTypesBecomeTheirCanonicalValues() {
    try (BufferAllocator allocator = new RootAllocator()) {
      IntVector i = new IntVector("i", allocator);
      BigIntVector l = new BigIntVector("l", allocator);
      UInt4Vector u = new UInt4Vector("u", allocator);
      Float8Vector d = new Float8Vector("d", allocator);
      Float4Vector f = new Float4Vector("f", allocator);
      DecimalVector dec = new DecimalVector("dec", allocator, 10, 2);
      VarCharVector s = new VarCharVector("s", allocator);
      VarBinaryVector b = new VarBinaryVector("b", allocator);
      BitVector bool = new BitVector("bool", allocator);
      DateDayVector date = new DateDayVector("date", allocator);
      TimeStampMicroTZVector ts = new TimeStampMicroTZVector("ts", allocator, "UTC");
      TimeStampMicroVector ntz = new TimeStampMicroVector("ntz", allocator);
      List<FieldVector> vectors = List.of(i, l, u, d, f, dec, s, b, bool, date, ts, ntz);
      vectors.forEach(v -> v.setInitialCapacity(3));
      vectors.forEach(FieldVector::allocateNew);
      i.set(0, -7);
      l.set(0, Long.MIN_VALUE);
      u.set(0, -1); // 0xFFFFFFFF, i.e. 4294967295 unsigned
      d.set(0, -0.0);
      f.set(0, 1.5f);
      dec.set(0, new BigDecimal("12.30"));
      s.setSafe(0, "héllo".getBytes(StandardCharsets.UTF_8));
      b.setSafe(0, new byte[] {0, (byte) 0xff});
      bool.set(0, 1);
      date.set(0, 19_000);
      ts.set(0, 1_700_000_000_123_456L);
      ntz.set(0, -1L);
      d.set(1, Double.longBitsToDouble(0x7ff8000000000123L)); // a NaN with payload
      vectors.forEach(v -> v.setValueCount(2)); // row 1: null everywhere but d

      CanonicalTable table;
      try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
        table = ArrowIpc.read(ArrowIpc.write(root));
      }

      assertEquals(List.of("i", "l", "u", "d", "f", "dec", "s", "b", "bool", "date", "ts", "ntz"), table.columnNames());
      assertEquals("Timestamp(MICROSECOND, UTC)", table.columns().get(10).type());
      assertEquals(
          Arrays.asList(
              -7L,
              Long.MIN_VALUE,
              4294967295L,
              -0.0,
              1.5,
              new BigDecimal("12.30"),
              "héllo",
              BinaryValue.of(new byte[] {0, (byte) 0xff}),
              true,
              LocalDate.ofEpochDay(19_000),
              Instant.ofEpochSecond(1_700_000_000L, 123_456_000L),
              LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)),
          table.rows().get(0));
      List<Object> second = table.rows().get(1);
      assertEquals(Double.NaN, second.get(3));
      assertEquals(11, second.stream().filter(java.util.Objects::isNull).count());
    }
  }

  @Test
  void nestedTypesBecomeListsStructsAndMaps() {
    try (BufferAllocator allocator = new RootAllocator()) {
      ListVector list = ListVector.empty("tags", allocator);
      StructVector struct = StructVector.empty("point", allocator);
      struct.addOrGet("x", FieldType.nullable(new ArrowType.Int(32, true)), IntVector.class);
      struct.addOrGet("y", FieldType.nullable(ArrowType.Utf8.INSTANCE), VarCharVector.class);
      MapVector map = MapVector.empty("attrs", allocator, false);

      UnionListWriter lw = list.getWriter();
      lw.setPosition(0);
      lw.startList();
      lw.writeInt(1);
      lw.writeNull();
      lw.writeInt(3);
      lw.endList();
      lw.setValueCount(1);

      NullableStructWriter sw = struct.getWriter();
      sw.setPosition(0);
      sw.start();
      sw.integer("x").writeInt(5);
      sw.end();
      sw.setValueCount(1);

      UnionMapWriter mw = map.getWriter();
      mw.setPosition(0);
      mw.startMap();
      mw.startEntry();
      mw.key().bigInt().writeBigInt(10);
      mw.value().bigInt().writeBigInt(20);
      mw.endEntry();
      mw.endMap();
      mw.setValueCount(1);

      CanonicalTable table;
      try (VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(list, struct, map))) {
        root.setRowCount(1);
        table = ArrowIpc.read(ArrowIpc.write(root));
      }
      List<Object> row = table.rows().get(0);
      assertEquals(Arrays.asList(1L, null, 3L), row.get(0));
      assertEquals(new StructValue(List.of("x", "y"), Arrays.asList(5L, null)), row.get(1));
      assertEquals(new MapValue(List.of(new MapValue.Entry(10L, 20L))), row.get(2));
    }
  }

  @Test
  void chunksConcatenateAndMustShareASchema() {
    try (BufferAllocator allocator = new RootAllocator()) {
      byte[] first = ints(allocator, "a", 1, 2);
      byte[] second = ints(allocator, "a", 3);
      byte[] other = ints(allocator, "b", 4);
      CanonicalTable table = ArrowIpc.readAll(List.of(first, second));
      assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), table.rows());
      assertThrows(IllegalArgumentException.class, () -> ArrowIpc.readAll(List.of(first, other)));
      assertThrows(java.io.UncheckedIOException.class, () -> ArrowIpc.read(new byte[] {1, 2, 3}));
    }
  }

  @Test
  void bytesArrowCannotDecodeAreAnUndecodableStream() {
    try (BufferAllocator allocator = new RootAllocator()) {
      byte[] whole = ints(allocator, "a", 1, 2, 3);
      // Garbage, a stream cut inside its batch, and a batch body cut short: each is the server's
      // (or client's) fault, reported as UndecodableStream rather than as an error of the kit.
      assertThrows(ArrowIpc.UndecodableStream.class, () -> ArrowIpc.read(new byte[] {1, 2, 3}));
      assertThrows(ArrowIpc.UndecodableStream.class,
          () -> ArrowIpc.read(Arrays.copyOf(whole, whole.length - 20)));
      byte[] garbled = whole.clone();
      for (int i = whole.length / 2; i < whole.length - 8; i++) {
        garbled[i] = (byte) 0xff;
      }
      assertThrows(ArrowIpc.UndecodableStream.class, () -> ArrowIpc.read(garbled));
    }
  }

  static byte[] ints(BufferAllocator allocator, String name, int... values) {
    try (IntVector v = new IntVector(name, allocator)) {
      v.allocateNew(values.length);
      for (int k = 0; k < values.length; k++) {
        v.set(k, values[k]);
      }
      v.setValueCount(values.length);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(v)) {
        return ArrowIpc.write(root);
      }
    }
  }
}
