package dev.cclr.tck.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, minimum and maximum of a few measurements. */
record Stats(double median, double min, double max, int count) {
  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
  }

  /** {@code 123.4 MB/s (min 120.0, max 130.2, n=3)} */
  String describe(String unit) {
    return String.format(java.util.Locale.ROOT, "%.1f %s (min %.1f, max %.1f, n=%d)", median, unit, min, max, count);
  }
}
