package dev.cclr.tck.run;

import dev.cclr.tck.spark.SparkExtra;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Server cases whose outcome on Spark depends on an optional extra of the Spark server's classpath
 * ({@link SparkExtra}), which is resolved by trial and so may be there on one day and not on the
 * next. A run says which extras its Spark server lacked in the implementation name ({@link
 * SparkExtra#missingNote()}); expectations about these cases follow that, never a guess.
 */
final class ExtraDependentCases {
  /** The extra a case depends on, and how its outcome changes without it. */
  record Dependence(SparkExtra extra, String withoutIt) {}

  static final Map<String, Dependence> CASES = Map.of(
      "session-release-discards-blobs",
      new Dependence(SparkExtra.MLLIB,
          "SRV-SES-005: without spark-mllib Spark's ReleaseSession fails with UNKNOWN (NoClassDefFoundError "
              + "for an MLlib class in session cleanup) where the reference server releases the session"),
      "session-released-answers-session-closed",
      new Dependence(SparkExtra.MLLIB,
          "SRV-SES-005: the same failing ReleaseSession (the session is closed all the same, as the later steps show)"),
      "session-release-allow-reconnect",
      new Dependence(SparkExtra.MLLIB,
          "SRV-SES-005: the same failing ReleaseSession, here with allow_reconnect (the case accepts either answer to it)"),
      "error-details-fetched-by-error-id",
      new Dependence(SparkExtra.MLLIB,
          "SRV-ERR-003: the same failing ReleaseSession before the last fetch (the case accepts either answer to it)"),
      "session-reattach-lost-operations",
      new Dependence(SparkExtra.MLLIB,
          "SRV-SEM-010: the same failing ReleaseSession before the last reattach (the case accepts either answer to it)"));

  private ExtraDependentCases() {}

  /** The extras an implementation name says were missing; none for anything but a Spark target. */
  static Set<SparkExtra> missingIn(String implementation) {
    Set<SparkExtra> missing = EnumSet.noneOf(SparkExtra.class);
    for (SparkExtra extra : SparkExtra.values()) {
      if (extra.isNotedIn(implementation)) {
        missing.add(extra);
      }
    }
    return missing;
  }

  /** The cases that depend on one of these extras, each with how it changes without it. */
  static Map<String, String> dependingOn(Set<SparkExtra> extras) {
    Map<String, String> out = new TreeMap<>();
    CASES.forEach((id, d) -> {
      if (extras.contains(d.extra())) {
        out.put(id, d.withoutIt());
      }
    });
    return out;
  }
}
