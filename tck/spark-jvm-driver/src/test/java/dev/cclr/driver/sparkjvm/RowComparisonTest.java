package dev.cclr.driver.sparkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowComparisonTest {

  private static final StructType SCHEMA = new StructType()
      .add("a", DataTypes.LongType).add("b", DataTypes.StringType);

  @Test
  void namesTheFirstDifferingRowAndColumn() {
    List<Row> want = List.of(RowFactory.create(1L, "x"), RowFactory.create(2L, "y"), RowFactory.create(3L, "z"));
    List<Row> got = List.of(RowFactory.create(1L, "x"), RowFactory.create(2L, "Y"), RowFactory.create(4L, "z"));
    assertEquals("row 1 column b: expected y (String) but got Y (String)",
        RowComparison.firstDifference(SCHEMA, want, got));
  }

  @Test
  void reportsMissingAndExtraRows() {
    List<Row> one = List.of(RowFactory.create(1L, "x"));
    List<Row> two = List.of(RowFactory.create(1L, "x"), RowFactory.create(2L, "y"));
    assertTrue(RowComparison.firstDifference(SCHEMA, two, one).contains("first missing row is index 1"));
    assertTrue(RowComparison.firstDifference(SCHEMA, one, two).contains("first extra row is index 1"));
    assertTrue(RowComparison.firstDifference(SCHEMA, one, List.of()).contains("collected 0"));
  }

  @Test
  void nullIsNotAValue() {
    assertFalse(RowComparison.sameValue(null, 0));
    assertFalse(RowComparison.sameValue("", null));
    assertTrue(RowComparison.sameValue(null, null));
  }

  @Test
  void comparesExactlyAcrossRepresentations() {
    assertTrue(RowComparison.sameValue(new byte[] {1, 2}, new byte[] {1, 2}));
    assertFalse(RowComparison.sameValue(new byte[] {1, 2}, new byte[] {1, 3}));
    assertTrue(RowComparison.sameValue(Double.NaN, Double.NaN));
    assertFalse(RowComparison.sameValue(0.0, -0.0));
    assertFalse(RowComparison.sameValue(new BigDecimal("1.500000"), new BigDecimal("1.5")));
    assertTrue(RowComparison.sameValue(Date.valueOf(LocalDate.of(2020, 2, 29)), LocalDate.of(2020, 2, 29)));
    Instant t = Instant.parse("2031-05-06T07:08:09.123456Z");
    assertTrue(RowComparison.sameValue(Timestamp.from(t), t));
    assertFalse(RowComparison.sameValue(Timestamp.from(t), t.plusNanos(1000)));
    assertFalse(RowComparison.sameValue(1, 1L));
  }

  @Test
  void equalListsHaveNoDifference() {
    List<Row> rows = List.of(RowFactory.create(1L, null));
    assertNull(RowComparison.firstDifference(SCHEMA, rows, List.of(RowFactory.create(1L, null))));
  }
}
