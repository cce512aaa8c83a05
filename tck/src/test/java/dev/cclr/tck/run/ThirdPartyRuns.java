package dev.cclr.tck.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.spec.RequirementCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the interop tests of third-party servers (Sail, the Spark Rust runtime) share: whether a run
 * judged the target on every selected case, and a warning when its verdicts moved from the
 * committed ones. Those tests are reports, not gates: the target's verdicts never fail the build.
 */
final class ThirdPartyRuns {
  private ThirdPartyRuns() {}

  /** gRPC codes the client library makes up when no answer came: connection refused, timeout. */
  private static final Set<String> TRANSPORT_FAILURES = Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED");

  /** The gRPC code of an {@code actual} like {"error":{"code":"INTERNAL",...}}; "" for any other answer. */
  private static String errorCode(String actual) {
    try {
      return new ObjectMapper().readTree(actual).path("error").path("code").asText();
    } catch (IOException e) {
      return "";
    }
  }

  /** One line per case that was not judged by the target's answers; empty when all were. */
  static List<String> unjudged(JsonNode summary, CaseCatalog catalog, String profile) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> reported = new TreeMap<>();
    summary.path("cases").forEach(c -> reported.put(c.path("id").asText(), c));
    int judged = 0;
    for (CaseDefinition c : catalog.cases()) {
      JsonNode r = reported.remove(c.id());
      if (r == null) {
        problems.add(c.id() + ": missing from the report");
        continue;
      }
      String verdict = r.path("verdict").asText();
      String message = r.path("message").asText();
      switch (verdict) {
        case "PASS" -> judged++;
        case "FAIL" -> {
          judged++;
          String actual = r.path("actual").asText();
          if (actual.isBlank()) {
            problems.add(c.id() + ": FAIL without the target's answer: " + message);
          } else if (TRANSPORT_FAILURES.contains(errorCode(actual))) {
            // The runner reports an unreachable or silent server as a FAIL with this code: that
            // is no answer of the target's.
            problems.add(c.id() + ": the target was not reached (" + errorCode(actual) + "): " + message);
          }
        }
        case "NOT_OBSERVED" -> {
          // The target's own answers left the case's situation unreached (a server that sends one
          // batch whatever maxRecordsPerBatch says has no second batch to release until): that
          // judges the target. The runner writes this verdict only for that, with this prefix.
          if (message.startsWith("the situation never arose")) {
            judged++;
          } else {
            problems.add(c.id() + ": NOT_OBSERVED without a situation that never arose: " + message);
          }
        }
        case "NOT_APPLICABLE" -> {
          // A target named without a token is not asked to authenticate: the auth cases are
          // rightly not applicable to it.
          if (c.appliesTo(Profile.parse(profile)) && !c.needsCredentials()) {
            problems.add(c.id() + ": NOT_APPLICABLE although it applies to " + profile);
          }
        }
        case "SKIPPED" -> {
          if (!c.tags().contains("large")) {
            problems.add(c.id() + ": SKIPPED although only large cases are left out: " + message);
          }
        }
        default -> problems.add(c.id() + ": " + verdict + " (the harness, not the target's answer, ended it): " + message);
      }
    }
    reported.keySet().forEach(id -> problems.add(id + ": reported but not in the catalog"));
    if (judged == 0) {
      problems.add("no case was judged");
    }
    return problems;
  }

  /**
   * The real-Spark tests fail on a stale spec/results folder (CommittedResults); this only warns.
   * A third-party server's non-conformance must never fail CI, and a verdict that moves on it
   * (pinned, but run on whatever machine CI has) is news about that server, not a breakage of this
   * project. The fresh summary is in {@code reportDir} to copy over; ConformancePageTest still
   * guarantees the page matches what is committed.
   */
  static void warnIfCommittedResultsDiffer(JsonNode fresh, String resultsFolder, Path reportDir) throws Exception {
    Path committedFile = RequirementCatalog.defaultSpecDir().resolve("results").resolve(resultsFolder)
        .resolve("tck-summary.json");
    JsonNode committed = new ObjectMapper().readTree(committedFile.toFile());
    Map<String, String> before = verdicts(committed);
    Map<String, String> after = verdicts(fresh);
    TreeSet<String> moved = new TreeSet<>(before.keySet());
    moved.addAll(after.keySet());
    moved.removeIf(id -> Objects.equals(before.get(id), after.get(id)));
    if (!moved.isEmpty()) {
      List<String> lines = new ArrayList<>();
      moved.forEach(id -> lines.add("  " + id + ": committed " + before.get(id) + ", now " + after.get(id)));
      System.out.println("WARNING: spec/results/" + resultsFolder + " differs from a fresh run in "
          + moved.size() + " case(s); copy " + reportDir.resolve("tck-summary.json").toAbsolutePath()
          + " there and regenerate spec/conformance.md:\n" + String.join("\n", lines));
    }
  }

  private static Map<String, String> verdicts(JsonNode summary) {
    Map<String, String> out = new TreeMap<>();
    summary.path("cases").forEach(c -> out.put(c.path("id").asText(), c.path("verdict").asText()));
    return out;
  }
}
