package dev.cclr.tck.clienttck;

import dev.cclr.tck.clienttck.checks.ClientRun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.clienttck.checks.ClientCheck;
import dev.cclr.tck.clienttck.checks.ClientChecks;
import dev.cclr.tck.clienttck.checks.Judgement;
import dev.cclr.tck.clienttck.drivers.ClientDriver;
import dev.cclr.tck.clienttck.drivers.DriverInvocation;
import dev.cclr.tck.clienttck.drivers.DriverLauncher;
import dev.cclr.tck.clienttck.drivers.DriverOutcome;
import dev.cclr.tck.clienttck.drivers.InputForm;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.RecordingServer;
import dev.cclr.tck.clienttck.recording.ServerScript;
import dev.cclr.tck.fixtures.FixtureException;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a client case: starts the recording server as the case scripts it, runs the driver on the
 * case's input, and judges the recording and the driver's outcome with the case's checks. Cases
 * that ask for the same input, server and repeat count share one driver run, so a suite of focused
 * cases costs a handful of client launches.
 *
 * <p>Verdicts: FAIL if any check finds its rule broken (the message names each requirement and
 * what broke it); ERROR if the driver could not be run or judged; NOT_APPLICABLE if no check
 * applies to this client (for example schema checks for a client that sends no schema), if the case
 * is not for the run's profile (chunk cases under spark-4.0), or if it asks for an input form the
 * driver does not have; else PASS.
 */
public final class ClientCaseRunner {

  /** One fixture's checks: the check's name and the requirement it stands for. */
  record CheckRef(String check, String requirement) {}

  private final ClientDriver driver;
  private final Path fixturesRoot;
  private final Path workRoot;
  private final Duration timeout;
  private final Profile profile;
  private final Map<String, Object> runs = new ConcurrentHashMap<>();

  public ClientCaseRunner(ClientDriver driver, Path fixturesRoot, Path workRoot, Duration timeout) {
    this(driver, fixturesRoot, workRoot, timeout, Profile.SPARK_4_2);
  }

  public ClientCaseRunner(ClientDriver driver, Path fixturesRoot, Path workRoot, Duration timeout, Profile profile) {
    if (!profile.judgesClients()) {
      throw new IllegalArgumentException("profile " + profile + " does not judge clients");
    }
    this.profile = profile;
    this.driver = driver;
    // Drivers run in a work folder of their own: a relative input path would not reach them.
    this.fixturesRoot = fixturesRoot.toAbsolutePath();
    this.workRoot = workRoot;
    this.timeout = timeout;
  }

  public CaseResult run(CaseDefinition c) {
    long start = System.nanoTime();
    if (!c.appliesTo(profile)) {
      return result(c, Verdict.NOT_APPLICABLE, "case applies to profiles " + c.profiles() + ", not " + profile
          + (profile.clientUploadsCachedBlob() ? ": " + CACHED_BLOB_REASON : ""), start);
    }
    List<CheckRef> checks;
    ServerScript script;
    Path input;
    int repeat;
    Optional<InputForm> form;
    try {
      checks = checks(c);
      script = ServerScript.from(c.manifest().get("server"));
      input = fixturesRoot.resolve("client").resolve("inputs").resolve(c.manifest().path("input").asText());
      if (!Files.isRegularFile(input)) {
        throw new FixtureException("case " + c.id() + " names input " + input + ", which does not exist");
      }
      repeat = c.manifest().path("repeat").asInt(1);
      form = inputForm(c);
    } catch (FixtureException e) {
      return result(c, Verdict.ERROR, "broken fixture: " + e.getMessage(), start);
    }
    if (form.isPresent() && !driver.inputForms().contains(form.get())) {
      return result(c, Verdict.NOT_APPLICABLE, "the case hands the client its rows as " + form.get()
          + ", an input form the driver " + driver.name() + " does not have"
          + (driver.inputForms().isEmpty() ? "" : " (it has " + driver.inputForms() + ")"), start);
    }
    String key = input.getFileName() + "|" + script + "|" + repeat + "|" + form.map(InputForm::id).orElse("");
    Object outcome = runs.computeIfAbsent(key, k -> execute(c.id(), input, script, repeat, form));
    if (outcome instanceof Exception e) {
      return result(c, Verdict.ERROR, "the driver could not be run: " + e.getMessage(), start);
    }
    ClientRun run = (ClientRun) outcome;
    List<String> failures = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (CheckRef ref : checks) {
      ClientCheck check = ClientChecks.find(ref.check()).orElseThrow();
      Judgement j;
      try {
        j = check.judge(run);
      } catch (RuntimeException e) {
        return result(c, Verdict.ERROR, "check " + ref.check() + " could not judge: " + e, start);
      }
      switch (j.kind()) {
        case BROKEN -> failures.add(ref.requirement() + " " + ref.check() + ": " + summarise(j.problems()));
        case NOT_APPLICABLE -> notApplicable.add(ref.requirement() + " " + ref.check() + ": " + j.note());
        case HOLDS -> { }
      }
    }
    if (!failures.isEmpty()) {
      return result(c, Verdict.FAIL, String.join("; ", failures), start);
    }
    if (notApplicable.size() == checks.size()) {
      return result(c, Verdict.NOT_APPLICABLE, String.join("; ", notApplicable), start);
    }
    return result(c, Verdict.PASS, "", start);
  }

  /**
   * Why chunk cases do not apply under spark-4.0. Such a client above the threshold uploads its
   * data as one cached blob: there are no chunks, no schema blob and no chunking settings to judge.
   */
  static final String CACHED_BLOB_REASON = "a client of Spark 4.0 uploads its local data as one cached_local_relation"
      + " blob (a serialized LocalRelation), so there are no chunks, schema blob or chunking settings to judge";

  /** The case's {@code inputForm}, if it names one. */
  static Optional<InputForm> inputForm(CaseDefinition c) {
    JsonNode node = c.manifest().get("inputForm");
    if (node == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InputForm.parse(node.asText()));
    } catch (IllegalArgumentException e) {
      throw new FixtureException("client case " + c.id() + ": " + e.getMessage());
    }
  }

  private Object execute(String caseId, Path input, ServerScript script, int repeat, Optional<InputForm> form) {
    String credential = UUID.randomUUID().toString();
    try (RecordingServer server = RecordingServer.start(script)) {
      DriverInvocation invocation = new DriverInvocation(caseId, server.sparkRemote(credential), input, repeat,
          workRoot.resolve(caseId), timeout, form);
      driver.prepare();
      DriverOutcome outcome = DriverLauncher.run(driver, invocation);
      CanonicalTable table = ArrowIpc.readFile(input);
      return new ClientRun(table, new ClientTrace(server.calls()), outcome, script, credential, profile);
    } catch (Exception e) {
      return e;
    }
  }

  static List<CheckRef> checks(CaseDefinition c) {
    JsonNode array = c.manifest().path("checks");
    if (!array.isArray() || array.isEmpty()) {
      throw new FixtureException("client case " + c.id() + " lists no checks");
    }
    List<CheckRef> out = new ArrayList<>();
    for (JsonNode n : array) {
      String name = n.path("check").asText();
      String requirement = n.path("requirement").asText();
      if (ClientChecks.find(name).isEmpty()) {
        throw new FixtureException("client case " + c.id() + " names unknown check '" + name + "'; known: " + ClientChecks.names());
      }
      if (!c.requirements().contains(requirement)) {
        throw new FixtureException("client case " + c.id() + ": check " + name + " cites " + requirement
            + ", which is not among the case's requirements " + c.requirements());
      }
      out.add(new CheckRef(name, requirement));
    }
    return out;
  }

  private static String summarise(List<String> problems) {
    if (problems.size() <= 3) {
      return String.join("; ", problems);
    }
    return String.join("; ", problems.subList(0, 3)) + " (and " + (problems.size() - 3) + " more)";
  }

  private static CaseResult result(CaseDefinition c, Verdict v, String message, long start) {
    return new CaseResult(c.id(), c.title(), c.requirements(), c.level(), c.tags(), v, message, null,
        Duration.ofNanos(System.nanoTime() - start));
  }
}
