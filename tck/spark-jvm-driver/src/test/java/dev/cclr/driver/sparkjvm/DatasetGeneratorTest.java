package dev.cclr.driver.sparkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {

  private static final DatasetSpec SPEC = new DatasetSpec(300, 1024, 9L, 0.3, 100, 50);

  @Test
  void sameSpecGivesTheSameRows() {
    List<Row> a = DatasetGenerator.rows(SPEC);
    List<Row> b = DatasetGenerator.rows(SPEC);
    assertEquals(300, a.size());
    assertNull(RowComparison.firstDifference(DatasetGenerator.SCHEMA, a, b));
  }

  @Test
  void anotherSeedGivesOtherRows() {
    List<Row> a = DatasetGenerator.rows(SPEC);
    List<Row> b = DatasetGenerator.rows(new DatasetSpec(300, 1024, 10L, 0.3, 100, 50));
    assertNotNull(RowComparison.firstDifference(DatasetGenerator.SCHEMA, a, b));
  }

  @Test
  void rowsOfTheRunAreIdenticalAndTheirNeighboursAreNot() {
    List<Row> rows = DatasetGenerator.rows(SPEC);
    Row first = rows.get(100);
    for (int i = 100; i < 150; i++) {
      assertNull(RowComparison.firstDifference(DatasetGenerator.SCHEMA, List.of(first), List.of(rows.get(i))),
          "row " + i);
    }
    assertEquals(99L, rows.get(99).getLong(0));
    assertEquals(100L, rows.get(149).getLong(0));
    assertEquals(150L, rows.get(150).getLong(0));
  }

  @Test
  void payloadHasExactlyTheRequestedLength() {
    for (Row r : DatasetGenerator.rows(new DatasetSpec(20, 1000, 1L, 0.0, 0, 0))) {
      assertEquals(1000, r.getString(1).length());
      assertEquals(1000, r.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
    assertEquals(3, DatasetGenerator.row(new DatasetSpec(1, 3, 1L, 0.0, 0, 0), 0).getString(1).length());
  }

  @Test
  void nullFractionControlsNullableColumnsOnly() {
    for (Row r : DatasetGenerator.rows(new DatasetSpec(50, 8, 1L, 0.0, 0, 0))) {
      for (int c = 0; c < r.length(); c++) {
        assertTrue(!r.isNullAt(c), "no nulls at fraction 0");
      }
    }
    for (Row r : DatasetGenerator.rows(new DatasetSpec(50, 8, 1L, 1.0, 0, 0))) {
      assertTrue(!r.isNullAt(0) && !r.isNullAt(1), "id and payload are never null");
      for (int c = 2; c < r.length(); c++) {
        assertTrue(r.isNullAt(c), "all nullable columns null at fraction 1");
      }
    }
  }

  @Test
  void nullsDoNotShiftTheOtherValues() {
    Row none = DatasetGenerator.row(new DatasetSpec(10, 8, 5L, 0.0, 0, 0), 7);
    Row all = DatasetGenerator.row(new DatasetSpec(10, 8, 5L, 1.0, 0, 0), 7);
    assertEquals(none.getString(1), all.getString(1));
  }
}
