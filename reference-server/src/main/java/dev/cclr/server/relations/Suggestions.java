package dev.cclr.server.relations;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark's "Did you mean" lists for unresolved columns, at most five: the candidates in name order,
 * then stably by the edit distance between the name as written and each candidate as Spark quotes
 * it, backticks included. So for {@code nmae} over {@code id, name} both are 4 away and {@code id}
 * comes first, and over {@code amen, x} {@code `x`} (4) comes before {@code `amen`} (5); observed
 * on Spark 4.2.0 and 4.1.2 (wrapper-count-unresolved-proposals).
 */
final class Suggestions {

  private static final int MAX = 5;

  private Suggestions() {}

  static List<String> nearest(String name, List<String> candidates) {
    return candidates.stream()
        .sorted()
        .sorted(Comparator.comparingInt(c -> levenshtein(name, RelationErrors.quote(c))))
        .limit(MAX)
        .collect(Collectors.toList());
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
