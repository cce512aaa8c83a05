package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of Spark's proposals, as Spark 4.2.0 and 4.1.2 gave them (wrapper-count-unresolved-proposals). */
class SuggestionsTest {

  @Test
  void distancesAreToTheQuotedCandidates() {
    // Unquoted, amen (3) would be nearer than x (4); quoted, `x` (4) is nearer than `amen` (5).
    assertEquals(List.of("x", "amen"), Suggestions.nearest("nmae", List.of("amen", "x")));
    assertEquals(List.of("id", "name"), Suggestions.nearest("nmae", List.of("id", "name")));
  }

  @Test
  void tiesGoInNameOrder() {
    assertEquals(List.of("bb", "c"), Suggestions.nearest("ab", List.of("c", "bb")));
    assertEquals(List.of("a", "a_"), Suggestions.nearest("abz", List.of("a_", "a")));
  }

  @Test
  void atMostFive() {
    assertEquals(5, Suggestions.nearest("q", List.of("a", "b", "c", "d", "e", "f")).size());
  }
}
