package dev.cclr.driver.sparkjvm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters that fully determine the generated dataset: the same spec gives the same rows, in any
 * driver run and any language, so a caller can reason about chunk counts and repeated chunks.
 *
 * @param rows number of rows
 * @param payloadBytes length of the ASCII payload string of each row (drives the bytes per row)
 * @param seed seed of the value generator
 * @param nullFraction probability that a nullable column of a row is null
 * @param identicalRunStart first row of the run of identical rows
 * @param identicalRunLength number of identical rows (0: no run); every row of the run equals the
 *     row at {@code identicalRunStart}, id included, so whole chunks inside it are byte-identical
 */
record DatasetSpec(
    int rows,
    int payloadBytes,
    long seed,
    double nullFraction,
    int identicalRunStart,
    int identicalRunLength) {

  DatasetSpec {
    require(rows >= 0, "rows must be >= 0, got " + rows);
    require(payloadBytes >= 0, "payload bytes must be >= 0, got " + payloadBytes);
    require(nullFraction >= 0.0 && nullFraction <= 1.0,
        "null fraction must be within [0, 1], got " + nullFraction);
    require(identicalRunStart >= 0 && identicalRunLength >= 0,
        "identical run start and length must be >= 0");
    require(identicalRunLength == 0 || (long) identicalRunStart + identicalRunLength <= rows,
        "identical run [" + identicalRunStart + ", " + identicalRunStart + "+" + identicalRunLength
            + ") does not fit in " + rows + " rows");
  }

  /** The row whose values row {@code i} carries: itself, or the first row of the identical run. */
  int sourceRow(int i) {
    boolean inRun = identicalRunLength > 0
        && i >= identicalRunStart
        && i < identicalRunStart + identicalRunLength;
    return inRun ? identicalRunStart : i;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("payloadBytes", payloadBytes);
    m.put("seed", seed);
    m.put("nullFraction", nullFraction);
    m.put("identicalRunStart", identicalRunStart);
    m.put("identicalRunLength", identicalRunLength);
    return m;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new UsageException(message);
    }
  }
}
