package dev.cclr.driver.sparkjvm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result file of one driver run, filled in as the scenario progresses.
 *
 * <p>Every outcome field is present from the start with a pessimistic value (equal=false, counts
 * null), so a scenario that stops half way can never read as a success.
 */
final class Report {

  static final int CONTRACT_VERSION = 1;

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Object> timings = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();

  Report(DriverArgs args, String sparkRemote, String clientVersion) {
    fields.put("contractVersion", CONTRACT_VERSION);
    fields.put("driver", "cclr-spark-jvm-driver");
    fields.put("client", "spark-connect-client-jvm");
    fields.put("clientVersion", clientVersion);
    fields.put("serverVersion", null);
    fields.put("sparkRemote", sparkRemote);
    fields.put("scenario", args.scenario().cliName());
    fields.put("dataset", args.dataset().toJson());
    fields.put("confs", new LinkedHashMap<>(args.confs()));
    fields.put("schemaIn", null);
    fields.put("rowsIn", null);
    fields.put("rowsOut", null);
    fields.put("equal", false);
    fields.put("firstDifference", null);
    fields.put("count", null);
    fields.put("schemaOut", null);
    fields.put("schemaEqual", false);
    fields.put("elapsedMs", null);
    fields.put("timingsMs", timings);
    fields.put("exception", null);
    fields.put("closeException", null);
    fields.put("wire", null);
  }

  void put(String key, Object value) {
    if (!fields.containsKey(key)) {
      // A typo here would silently add a field the caller never reads.
      throw new IllegalArgumentException("not a result field: " + key);
    }
    fields.put(key, value);
  }

  void timing(String phase, long millis) {
    timings.put(phase, millis);
  }

  long timingOrZero(String phase) {
    return timings.get(phase) instanceof Long l ? l : 0L;
  }

  String toJson() {
    fields.put("elapsedMs", (System.nanoTime() - startNanos) / 1_000_000L);
    return Json.write(fields);
  }
}
