package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.RunSummary;
import dev.cclr.tck.targets.Target;
import dev.cclr.tck.targets.Targets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one TCK run, shared between the command line that starts it and the JUnit tests
 * that execute its cases: the configuration, the targets (started on first use, stopped at the
 * end), the results and, in differential mode, where the two targets disagreed.
 */
public final class TckRun implements AutoCloseable {
  private static volatile TckRun current;

  private final RunConfiguration config;
  private final List<CaseDefinition> cases;
  private final Map<String, Target> targets = new ConcurrentHashMap<>();
  private final Map<String, List<String>> differences = new ConcurrentHashMap<>();
  private final List<CaseResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Instant started = Instant.now();
  private volatile String implementation = "(target not reached)";
  private dev.cclr.tck.clienttck.ClientCaseRunner clientRunner;

  private TckRun(RunConfiguration config) {
    this.config = config;
    this.cases = CaseCatalog.load(config.fixturesRoot().orElseGet(CaseCatalog::defaultFixturesRoot), config.suite()).cases();
  }

  /** Starts a run; the previous one, if any, must have been closed. */
  public static synchronized TckRun begin(RunConfiguration config) {
    if (current != null) {
      throw new IllegalStateException("a TCK run is already in progress");
    }
    current = new TckRun(config);
    return current;
  }

  /** The run in progress, or one configured from system properties for a bare JUnit launch. */
  public static synchronized TckRun current() {
    if (current == null) {
      current = new TckRun(RunConfiguration.fromSystemProperties());
      TckRun run = current;
      Runtime.getRuntime().addShutdownHook(new Thread(run::stopTargets, "cclr-stop-targets"));
    }
    return current;
  }

  public RunConfiguration config() { return config; }

  public List<CaseDefinition> cases() { return cases; }

  /** The target under test, started on first use. */
  public Target target() {
    Target t = targets.computeIfAbsent("target", k -> Targets.open(config.target(), config.profile()));
    implementation = t.implementation();
    return t;
  }

  /**
   * The client case runner of a client-suite run: the driver named by the configuration's target
   * (spark-jvm:VERSION, pyspark, reference, cmd:...), its work files under the report folder.
   */
  public synchronized dev.cclr.tck.clienttck.ClientCaseRunner clientRunner() {
    if (clientRunner == null) {
      dev.cclr.tck.clienttck.drivers.ClientDriver driver = dev.cclr.tck.clienttck.drivers.ClientDrivers.parse(config.target());
      implementation = driver.describe();
      clientRunner = new dev.cclr.tck.clienttck.ClientCaseRunner(driver,
          config.fixturesRoot().orElseGet(CaseCatalog::defaultFixturesRoot), config.reportDir().resolve("driver-runs"),
          java.time.Duration.ofSeconds(Long.getLong("cclr.driverTimeoutSeconds", 180)));
    }
    return clientRunner;
  }

  /** The second target of a differential run. */
  public Optional<Target> versus() {
    return config.versus().map(v -> targets.computeIfAbsent("versus", k -> Targets.open(v, config.profile())));
  }

  public void record(CaseResult result) { results.add(result); }

  /** The run's results so far as a summary (a run whose target never came up judged nothing). */
  public RunSummary summary() {
    RunSummary s = new RunSummary(config.suite(), implementation, config.target(), config.profile(), TckVersion.get(), started);
    synchronized (results) {
      results.forEach(s::add);
    }
    return s;
  }

  public void recordDifferences(String caseId, List<String> found) {
    if (!found.isEmpty()) {
      differences.put(caseId, List.copyOf(found));
    }
  }

  public Map<String, List<String>> differences() { return Map.copyOf(differences); }

  private void stopTargets() {
    for (Target t : new ArrayList<>(targets.values())) {
      try {
        t.close();
      } catch (RuntimeException e) {
        System.err.println("could not stop " + t.name() + ": " + e);
      }
    }
    targets.clear();
  }

  @Override
  public void close() {
    stopTargets();
    synchronized (TckRun.class) {
      if (current == this) {
        current = null;
      }
    }
  }
}
