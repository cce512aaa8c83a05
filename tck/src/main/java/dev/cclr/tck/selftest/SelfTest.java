package dev.cclr.tck.selftest;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.clienttck.drivers.PySparkMutant;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.targets.EmbeddedTarget;
import dev.cclr.tck.targets.Target;
import dev.cclr.tck.targets.Targets;
import dev.cclr.tck.refclient.Fault;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.TckLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TCK tests itself (as the Reactive Streams TCK does): the server suite against every server
 * mutant, the client suite with every fault of the reference client, and, when asked, the client
 * cases of the rules each PySpark mutant breaks with that bug planted in the real PySpark client. A
 * mutant is caught when at least one case fails or errs and one of those cases names a requirement
 * the mutant breaks; anything else (no failing case, only cases about other rules, or a rule's
 * situation that never arose, NOT_OBSERVED) is a hole in the TCK.
 */
public final class SelfTest {
  private static final String MUTANT_PREFIX = "mutant:";
  private static final String CODE_MUTANT_PREFIX = "code-mutant:";

  /** The rules each client fault breaks. */
  static final Map<Fault, Set<String>> CLIENT_RULES = Map.ofEntries(
      Map.entry(Fault.WRONG_HASH, Set.of("CLI-ART-001")),
      Map.entry(Fault.INCOMPLETE_IPC, Set.of("CLI-CHK-001")),
      Map.entry(Fault.DUPLICATE_UPLOAD, Set.of("CLI-ALG-007")),
      Map.entry(Fault.PARTIAL_RESULT, Set.of("CLI-ERR-002")),
      Map.entry(Fault.UPPER_CASE_HEX, Set.of("CLI-ART-001", "CLI-REL-001")),
      Map.entry(Fault.NO_STATUS_CHECK, Set.of("CLI-ALG-006", "CLI-STA-001")),
      Map.entry(Fault.REVERSED_HASHES, Set.of("CLI-ALG-008")),
      Map.entry(Fault.OVERSIZE_CHUNKS, Set.of("CLI-ALG-003", "CLI-ALG-004")),
      Map.entry(Fault.BAD_CRC, Set.of("CLI-ART-003")),
      Map.entry(Fault.EMPTY_SCHEMA_BLOB, Set.of("CLI-SCH-003")),
      Map.entry(Fault.SCHEMA_LAST, Set.of("CLI-ALG-005")),
      Map.entry(Fault.ALWAYS_INLINE, Set.of("CLI-ALG-002")),
      Map.entry(Fault.IGNORE_CRC_FAILURES, Set.of("CLI-ART-005")),
      Map.entry(Fault.UNBATCHED_UPLOADS, Set.of("CLI-ART-004")));

  /**
   * The rules each bug planted in PySpark 4.2.0 breaks. Only the cases of these rules run with the
   * mutant: each PySpark launch costs seconds, and cases that share input and settings share one.
   */
  static final Map<PySparkMutant, Set<String>> PYSPARK_RULES = Map.ofEntries(
      Map.entry(PySparkMutant.UPPER_HEX, Set.of("CLI-ART-001", "CLI-REL-001")),
      Map.entry(PySparkMutant.NO_DEDUP, Set.of("CLI-ALG-007")),
      Map.entry(PySparkMutant.MISSING_MEANS_PRESENT, Set.of("CLI-STA-001")),
      Map.entry(PySparkMutant.DROP_LAST_CHUNK, Set.of("CLI-ALG-008")),
      Map.entry(PySparkMutant.SCHEMA_BOM, Set.of("CLI-SCH-001")),
      Map.entry(PySparkMutant.ADLER_CRC, Set.of("CLI-ART-003")),
      Map.entry(PySparkMutant.SIZE_LIMIT_PER_CHUNK, Set.of("CLI-ALG-009")),
      Map.entry(PySparkMutant.NUM_CHUNKS_FLOOR, Set.of("CLI-ART-002")));

  /** One mutant's result. */
  public record Outcome(String kind, String id, boolean caught, String detail) {}

  private SelfTest() {}

  /** Every server mutant and reference-client fault; the PySpark mutants too when {@code withPySpark}. */
  public static List<Outcome> run(Path reportRoot, PrintStream out, boolean withPySpark) {
    List<Outcome> outcomes = run(reportRoot, out);
    if (withPySpark) {
      outcomes = new ArrayList<>(outcomes);
      outcomes.addAll(runPySparkMutants(reportRoot, out));
    }
    return outcomes;
  }

  /** Each PySpark mutant against the client cases of the rules it breaks. */
  public static List<Outcome> runPySparkMutants(Path reportRoot, PrintStream out) {
    List<CaseDefinition> cases = CaseCatalog.load(CaseCatalog.defaultFixturesRoot(), "client").cases();
    List<Outcome> outcomes = new ArrayList<>();
    for (PySparkMutant m : PySparkMutant.values()) {
      Set<String> rules = PYSPARK_RULES.get(m);
      if (rules == null) {
        throw new IllegalStateException("PySpark mutant " + m.id() + " has no rules listed in SelfTest.PYSPARK_RULES");
      }
      List<String> ids = cases.stream().filter(c -> c.requirements().stream().anyMatch(rules::contains)).map(CaseDefinition::id).toList();
      List<CaseResult> summary = runSuite(Suite.CLIENT, "pyspark-mutant:" + m.id(), reportRoot.resolve("pyspark-" + m.id()), ids).stream()
          .filter(r -> r.verdict() != Verdict.SKIPPED).toList();
      Outcome o = judge("pyspark", m.id(), summary, rules);
      outcomes.add(o);
      out.println((o.caught() ? "caught " : "MISSED ") + "PySpark mutant " + m.id() + " (" + m.what() + "): " + o.detail());
    }
    out.println("PySpark mutants caught: " + outcomes.stream().filter(Outcome::caught).count() + "/" + outcomes.size());
    return outcomes;
  }

  public static List<Outcome> run(Path reportRoot, PrintStream out) {
    List<Outcome> outcomes = new ArrayList<>();
    for (ServerMutant m : ServerMutants.all()) {
      List<CaseResult> summary = runSuite(Suite.SERVER, MUTANT_PREFIX + m.id(), reportRoot.resolve("server-" + m.id()));
      Outcome o = judge("server", m.id(), summary, m.caughtBy());
      outcomes.add(o);
      out.println((o.caught() ? "caught " : "MISSED ") + "server mutant " + m.id() + " (" + m.deviation() + "): " + o.detail());
    }
    for (CodeMutants.CodeMutant m : CodeMutants.all()) {
      Outcome o = runCodeMutant(m, reportRoot);
      outcomes.add(o);
      out.println((o.caught() ? "caught " : "MISSED ") + "server mutant " + m.id() + " (" + m.deviation() + "): " + o.detail());
    }
    for (Fault f : Fault.values()) {
      Set<String> rules = CLIENT_RULES.get(f);
      if (rules == null) {
        throw new IllegalStateException("client fault " + f.id() + " has no rules listed in SelfTest.CLIENT_RULES");
      }
      List<CaseResult> summary = runSuite(Suite.CLIENT, "reference-in-process:" + f.id(), reportRoot.resolve("client-" + f.id()));
      Outcome o = judge("client", f.id(), summary, rules);
      outcomes.add(o);
      out.println((o.caught() ? "caught " : "MISSED ") + "client mutant " + f.id() + ": " + o.detail());
    }
    long server = outcomes.stream().filter(o -> o.kind().equals("server")).count();
    long serverCaught = outcomes.stream().filter(o -> o.kind().equals("server") && o.caught()).count();
    long client = outcomes.stream().filter(o -> o.kind().equals("client")).count();
    long clientCaught = outcomes.stream().filter(o -> o.kind().equals("client") && o.caught()).count();
    out.println("server mutants caught: " + serverCaught + "/" + server);
    out.println("client mutants caught: " + clientCaught + "/" + client);
    return outcomes;
  }

  /** Runs the server suite against the reference server planning with the mutant's faulty part. */
  static Outcome runCodeMutant(CodeMutants.CodeMutant m, Path reportRoot) {
    List<CaseResult> summary = runSuite(Suite.SERVER, CODE_MUTANT_PREFIX + m.id(), reportRoot.resolve("server-" + m.id()));
    return judge("server", m.id(), summary, m.caughtBy());
  }

  static Outcome judge(String kind, String id, List<CaseResult> results, Set<String> rules) {
    List<String> failing = new ArrayList<>();
    List<String> right = new ArrayList<>();
    for (CaseResult c : results) {
      if (c.verdict() != Verdict.FAIL && c.verdict() != Verdict.ERROR) {
        continue;
      }
      failing.add(c.id());
      if (c.requirements().stream().anyMatch(rules::contains)) {
        right.add(c.id() + " " + c.requirements());
      }
    }
    if (!right.isEmpty()) {
      return new Outcome(kind, id, true, "by " + right.get(0) + (right.size() > 1 ? " and " + (right.size() - 1) + " more" : "")
          + " (" + failing.size() + " case(s) failed)");
    }
    return new Outcome(kind, id, false, failing.isEmpty() ? "no case failed"
        : "only cases about other rules failed: " + failing + "; expected one naming " + rules);
  }

  private static List<CaseResult> runSuite(Suite suite, String target, Path reportDir) {
    return runSuite(suite, target, reportDir, List.of());
  }

  private static List<CaseResult> runSuite(Suite suite, String target, Path reportDir, List<String> caseIds) {
    RunConfiguration config = new RunConfiguration(suite, target, Optional.empty(), Profile.SPARK_4_2, caseIds, List.of(),
        suite == Suite.SERVER ? List.of("large") : List.of(), reportDir, false, Optional.empty());
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return TckLauncher.execute(config, quiet, SelfTest::openTarget).summary().results();
  }

  /**
   * The user's targets, plus {@code mutant:<id>}: the embedded reference server with one server
   * mutant in front, and {@code code-mutant:<id>}: the embedded server planning with a faulty part.
   */
  public static Target openTarget(String spec, Profile profile) {
    if (spec.startsWith(CODE_MUTANT_PREFIX)) {
      String id = spec.substring(CODE_MUTANT_PREFIX.length());
      CodeMutants.CodeMutant mutant = CodeMutants.find(id)
          .orElseThrow(() -> new IllegalArgumentException("unknown code-level server mutant '" + id + "'"));
      return EmbeddedTarget.startWithPlanner(profile.errorStyle(), mutant.planner().get(),
          "cclr reference server, code-level mutant " + mutant.id());
    }
    if (!spec.startsWith(MUTANT_PREFIX)) {
      return Targets.open(spec, profile);
    }
    String id = spec.substring(MUTANT_PREFIX.length());
    ServerMutant mutant = ServerMutants.find(id)
        .orElseThrow(() -> new IllegalArgumentException("unknown server mutant '" + id + "'"));
    return EmbeddedTarget.startIntercepted(profile.errorStyle(), new MutatingInterceptor(mutant.mutation()),
        "cclr reference server, mutant " + mutant.id());
  }
}
