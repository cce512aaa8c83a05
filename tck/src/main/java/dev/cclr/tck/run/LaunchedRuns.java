package dev.cclr.tck.run;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a run from {@link TckLauncher} to the JUnit tests that execute its cases: JUnit creates the
 * test classes itself, so the launcher registers the run under an id and passes the id as a
 * configuration parameter ({@value #PARAMETER}); {@link TckRunParameter} looks it up. Several runs
 * may be in progress at once (each under its own id); a run is removed when its launch ends.
 */
final class LaunchedRuns {
  static final String PARAMETER = "cclr.runId";
  private static final Map<String, TckRun> RUNS = new ConcurrentHashMap<>();

  private LaunchedRuns() {}

  static String register(TckRun run) {
    String id = UUID.randomUUID().toString();
    RUNS.put(id, run);
    return id;
  }

  static TckRun get(String id) {
    TckRun run = RUNS.get(id);
    if (run == null) {
      throw new IllegalStateException("no TCK run registered as " + id);
    }
    return run;
  }

  static void remove(String id) {
    RUNS.remove(id);
  }
}
