package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.RunSummary;
import dev.cclr.tck.targets.Target;
import dev.cclr.tck.targets.TargetOpener;
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
  private final RunConfiguration config;
  private final List<CaseDefinition> cases;
  private TargetGuard target;
  private TargetGuard versus;
  private final Map<String, List<String>> differences = new ConcurrentHashMap<>();
  private final List<CaseResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Instant started = Instant.now();
  private volatile String implementation = "(target not reached)";
  private dev.cclr.tck.clienttck.ClientCaseRunner clientRunner;

  private final TargetOpener opener;

  /** A run of {@code config}'s cases; its targets are opened with {@code opener} on first need. */
  public TckRun(RunConfiguration config, TargetOpener opener) {
    this.config = config;
    this.opener = opener;
    this.cases = CaseCatalog.load(config.fixturesRoot().orElseGet(CaseCatalog::defaultFixturesRoot), config.suite().id()).cases();
  }

  public RunConfiguration config() { return config; }

  public List<CaseDefinition> cases() { return cases; }

  /**
   * Opens and probes the target (and the second target of a differential run) once, up front. A
   * target that cannot be started or reached is found out here, fast, and no case is run on it.
   * Called by the launcher before the first case; a bare JUnit launch calls it on first use.
   */
  public synchronized void openTargets() {
    if (target != null) {
      return;
    }
    target = TargetGuard.open(config.target(), config.profile(), opener);
    target.unavailable().ifPresentOrElse(
        reason -> implementation = "(target not reached)",
        () -> implementation = target.target().implementation());
    if (config.versus().isPresent() && target.unavailable().isEmpty()) {
      versus = TargetGuard.open(config.versus().get(), config.profile(), opener);
    }
  }

  /** Why no further case can be judged (a target never reached, or gone after a crash), if so. */
  public synchronized Optional<String> unavailable() {
    openTargets();
    return target.unavailable().or(() -> versus == null ? Optional.empty() : versus.unavailable());
  }

  /** The target under test; {@link #unavailable()} must be empty. */
  public synchronized Target target() {
    openTargets();
    return target.target();
  }

  /** After a case: its result, or a FAIL naming a crash of a target that stopped answering during it. */
  public CaseResult afterCase(CaseDefinition c, CaseResult result) {
    CaseResult checked = target.afterCase(c, result);
    if (versus != null) {
      // A crash of the second target is reported, but the verdict is the first target's.
      versus.afterCase(c, result);
    }
    return checked;
  }

  /** The crashes seen so far, of either target. */
  public synchronized List<dev.cclr.tck.report.TargetCrash> crashes() {
    List<dev.cclr.tck.report.TargetCrash> all = new ArrayList<>();
    if (target != null) {
      all.addAll(target.crashes());
    }
    if (versus != null) {
      all.addAll(versus.crashes());
    }
    return all;
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
          java.time.Duration.ofSeconds(Long.getLong("cclr.driverTimeoutSeconds", 180)), config.profile());
    }
    return clientRunner;
  }

  /** The second target of a differential run. */
  public synchronized Optional<Target> versus() {
    openTargets();
    return versus == null || versus.unavailable().isPresent() ? Optional.empty() : Optional.of(versus.target());
  }

  public void record(CaseResult result) { results.add(result); }

  /** The run's results so far as a summary (a run whose target never came up judged nothing). */
  public RunSummary summary() {
    RunSummary s = new RunSummary(config.suite().id(), implementation, dev.cclr.tck.client.ConnectUri.masked(config.target()), config.profile().id(), TckVersion.get(), started);
    synchronized (results) {
      results.forEach(s::add);
    }
    synchronized (this) {
      if (target != null) {
        target.neverReached().or(() -> versus == null ? Optional.empty() : versus.neverReached()).ifPresent(s::notJudged);
      }
      crashes().forEach(s::addCrash);
    }
    return s;
  }

  public void recordDifferences(String caseId, List<String> found) {
    if (!found.isEmpty()) {
      differences.put(caseId, List.copyOf(found));
    }
  }

  public Map<String, List<String>> differences() { return Map.copyOf(differences); }

  private synchronized void stopTargets() {
    if (target != null) {
      target.close();
    }
    if (versus != null) {
      versus.close();
    }
  }

  @Override
  public void close() {
    stopTargets();
  }
}
