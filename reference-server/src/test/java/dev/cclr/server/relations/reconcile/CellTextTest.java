package dev.cclr.server.relations.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.StructField;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/**
 * Binary and nested cells as Spark 4.2.0's show() prints them; the expected texts are from real
 * Spark runs (the parity scenarios rows-binary-show and rows-nested-ddl-show).
 */
class CellTextTest {

  private static final SparkType INT = new SparkType.IntegerType();

  @Test
  void binaryIsUpperCaseHexPairsInBrackets() {
    try (BufferAllocator a = new RootAllocator(); VarBinaryVector v = new VarBinaryVector("b", a)) {
      v.allocateNew();
      v.setSafe(0, new byte[] {0, (byte) 0xff, 0x10});
      v.setSafe(1, new byte[0]);
      v.setNull(2);
      v.setValueCount(3);
      SparkType binary = new SparkType.BinaryType();
      assertEquals("[00 FF 10]", CellText.of(v, 0, binary, ZoneOffset.UTC));
      assertEquals("[]", CellText.of(v, 1, binary, ZoneOffset.UTC));
      assertNull(CellText.of(v, 2, binary, ZoneOffset.UTC));
    }
  }

  @Test
  void arraysAndStructsListTheirValuesWithNullInside() {
    try (BufferAllocator a = new RootAllocator(); ListVector l = ListVector.empty("l", a);
        StructVector s = StructVector.empty("s", a)) {
      l.addOrGetVector(FieldType.nullable(new ArrowType.Int(32, true)));
      l.allocateNew();
      IntVector items = (IntVector) l.getDataVector();
      l.startNewValue(0);
      items.setSafe(0, 1);
      items.setNull(1);
      l.endValue(0, 2);
      l.startNewValue(1);
      l.endValue(1, 0);
      l.setNull(2);
      l.setValueCount(3);
      items.setValueCount(2);
      SparkType array = new SparkType.ArrayType(INT, true);
      assertEquals("[1, NULL]", CellText.of(l, 0, array, ZoneOffset.UTC));
      assertEquals("[]", CellText.of(l, 1, array, ZoneOffset.UTC));
      assertNull(CellText.of(l, 2, array, ZoneOffset.UTC));

      IntVector x = s.addOrGet("x", FieldType.nullable(new ArrowType.Int(32, true)), IntVector.class);
      VarCharVector y = s.addOrGet("y", FieldType.nullable(ArrowType.Utf8.INSTANCE), VarCharVector.class);
      s.allocateNew();
      x.setSafe(0, 1);
      y.setSafe(0, "q".getBytes(StandardCharsets.UTF_8));
      s.setIndexDefined(0);
      x.setNull(1);
      y.setNull(1);
      s.setIndexDefined(1);
      s.setValueCount(2);
      x.setValueCount(2);
      y.setValueCount(2);
      SparkType struct = new SparkType.StructType(List.of(new StructField("x", INT, true),
          new StructField("y", new SparkType.StringType(null), true)));
      assertEquals("{1, q}", CellText.of(s, 0, struct, ZoneOffset.UTC));
      assertEquals("{NULL, NULL}", CellText.of(s, 1, struct, ZoneOffset.UTC));
    }
  }

  @Test
  void supportsNestedTypesOfRenderableLeaves() {
    assertTrue(CellText.supports(new SparkType.MapType(new SparkType.StringType(null),
        new SparkType.ArrayType(new SparkType.BinaryType(), true), true)));
    assertFalse(CellText.supports(new SparkType.ArrayType(new SparkType.VariantType(), true)));
  }
}
