package dev.cclr.tck.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableComparatorTest {
  private static final CanonicalColumn A = new CanonicalColumn("a", "FloatingPoint(DOUBLE)", true, List.of());
  private static final CanonicalColumn B = new CanonicalColumn("b", "List", true,
      List.of(new CanonicalColumn("$data$", "Int(64, true)", true, List.of())));

  @Test
  void equalTablesHaveNoDifferenceAndNanEqualsNan() {
    CanonicalTable t = table(row(Double.NaN, List.of(1L)), row(1.0, List.of()));
    assertEquals(Optional.empty(), TableComparator.strict().compare(t, table(row(Double.NaN, List.of(1L)), row(1.0, List.of()))));
  }

  @Test
  void negativeZeroIsNotZero() {
    Difference d = TableComparator.strict().compare(table(row(0.0, null)), table(row(-0.0, null))).orElseThrow();
    assertEquals(Difference.Kind.VALUE, d.kind());
    assertEquals("row 0, column 0 (a): expected 0.0 but was -0.0", d.toString());
  }

  @Test
  void nestedDifferencesNameTheElement() {
    Difference d = TableComparator.strict()
        .compare(table(row(1.0, List.of(1L, 2L)), row(2.0, List.of(1L, 2L, 3L))),
            table(row(1.0, List.of(1L, 2L)), row(2.0, List.of(1L, 5L, 3L))))
        .orElseThrow();
    assertEquals(1, d.row());
    assertEquals("b[1]", d.path());
    assertEquals("2", d.expected());
    assertEquals("5", d.actual());
  }

  @Test
  void decimalScaleMatters() {
    CanonicalColumn dec = new CanonicalColumn("d", "Decimal(10, 2, 128)", true, List.of());
    CanonicalTable e = new CanonicalTable(List.of(dec), List.of(List.of(new BigDecimal("1.10"))));
    CanonicalTable a = new CanonicalTable(List.of(dec), List.of(List.of(new BigDecimal("1.1"))));
    Difference d = TableComparator.strict().compare(e, a).orElseThrow();
    assertEquals("1.10 (scale 2)", d.expected());
    assertEquals("1.1 (scale 1)", d.actual());
  }

  @Test
  void sameTextDifferentKindIsExplained() {
    CanonicalColumn c = new CanonicalColumn("c", "Int(64, false)", true, List.of());
    Difference d = TableComparator.strict()
        .compare(new CanonicalTable(List.of(c), List.of(List.of(1L))),
            new CanonicalTable(List.of(c), List.of(List.of(java.math.BigInteger.ONE))))
        .orElseThrow();
    assertEquals("1 (Long)", d.expected());
    assertEquals("1 (BigInteger)", d.actual());
  }

  @Test
  void rowCountIsCheckedAfterCommonRows() {
    Difference d = TableComparator.strict().compare(table(row(1.0, null), row(2.0, null)), table(row(1.0, null))).orElseThrow();
    assertEquals(Difference.Kind.ROW_COUNT, d.kind());
    assertEquals("2", d.expected());
    assertEquals("1", d.actual());
  }

  @Test
  void schemaIsComparedFirstAndCanBeRelaxed() {
    CanonicalColumn notNull = new CanonicalColumn("a", "FloatingPoint(DOUBLE)", false, List.of());
    CanonicalTable e = new CanonicalTable(List.of(A), List.of(List.of(1.0)));
    CanonicalTable a = new CanonicalTable(List.of(notNull), List.of(List.of(2.0)));
    Difference d = TableComparator.strict().compare(e, a).orElseThrow();
    assertEquals(Difference.Kind.COLUMN, d.kind());
    assertTrue(d.path().contains("nullable"), d.path());
    assertEquals(Difference.Kind.VALUE, TableComparator.strict().ignoringNullability().compare(e, a).orElseThrow().kind());

    CanonicalColumn renamed = new CanonicalColumn("z", "FloatingPoint(DOUBLE)", true, List.of());
    CanonicalTable r = new CanonicalTable(List.of(renamed), List.of(List.of(1.0)));
    assertEquals("columns[0].name",
        TableComparator.strict().ignoringTypes().ignoringNullability().compare(e, r).orElseThrow().path());
  }

  @Test
  void assertSameFailsWithTheDifference() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> TableComparator.strict().assertSame(table(row(1.0, null)), table(row(3.0, null))));
    assertTrue(error.getMessage().startsWith("row 0, column 0 (a): expected 1.0 but was 3.0"), error.getMessage());
  }

  private static CanonicalTable table(List<Object>... rows) {
    return new CanonicalTable(List.of(A, B), List.of(rows));
  }

  private static List<Object> row(Object a, Object b) {
    return Arrays.asList(a, b);
  }
}
