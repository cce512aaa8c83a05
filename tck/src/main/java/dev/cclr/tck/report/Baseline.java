package dev.cclr.tck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The failures a gate tolerates: the cases that FAILed or ERRORed in a previous {@code
 * tck-summary.json} (--baseline) and the cases listed in an expected-failures file
 * (--expected-failures), each with why it is expected to fail. {@link #NONE} is the all-or-nothing
 * gate: every gated failure counts.
 */
public final class Baseline {
  /** No baseline: the gate fails on every failure of a gated case. */
  public static final Baseline NONE = new Baseline(Map.of(), false);

  private final Map<String, String> expectedFailures;
  private final boolean active;

  private Baseline(Map<String, String> expectedFailures, boolean active) {
    this.expectedFailures = Collections.unmodifiableMap(new LinkedHashMap<>(expectedFailures));
    this.active = active;
  }

  /** True when a baseline or expected-failures file was given (even an empty one). */
  public boolean active() { return active; }

  /** Why the case is expected to fail, if it is. */
  public Optional<String> expectedFailure(String caseId) { return Optional.ofNullable(expectedFailures.get(caseId)); }

  /** The expected failures, case id to reason, in the order they were read. */
  public Map<String, String> expectedFailures() { return expectedFailures; }

  /** Both sets of expected failures; for a case in both, this one's reason. */
  public Baseline and(Baseline other) {
    Map<String, String> all = new LinkedHashMap<>(other.expectedFailures);
    all.putAll(expectedFailures);
    return new Baseline(all, active || other.active);
  }

  /** The failures of a previous run of {@code suite}, read from its {@code tck-summary.json}. */
  public static Baseline fromSummary(Path file, String suite) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BaselineException("cannot read the baseline " + file + ": " + e.getMessage());
    }
    return fromSummary(root, file.toString(), suite);
  }

  static Baseline fromSummary(JsonNode root, String source, String suite) {
    if (root == null || !root.isObject() || !root.path("cases").isArray()) {
      throw new BaselineException("the baseline " + source + " is not a tck-summary.json (no \"cases\" array)");
    }
    String baselineSuite = root.path("suite").asText("");
    if (!baselineSuite.equals(suite)) {
      throw new BaselineException("the baseline " + source + " is a summary of the '" + baselineSuite
          + "' suite; this run is the '" + suite + "' suite");
    }
    if (root.hasNonNull("notJudged")) {
      // Every case of such a run is ERROR for one reason that says nothing about the implementation.
      throw new BaselineException("the baseline " + source + " comes from a run that judged nothing ("
          + root.get("notJudged").asText() + "); make the baseline from a run that reached its target");
    }
    Map<String, String> failures = new LinkedHashMap<>();
    for (JsonNode c : root.get("cases")) {
      String id = c.path("id").asText("");
      String verdict = c.path("verdict").asText("");
      if (id.isEmpty() || verdict.isEmpty()) {
        throw new BaselineException("the baseline " + source + " has a case without \"id\" or \"verdict\": " + c);
      }
      Verdict v;
      try {
        v = Verdict.valueOf(verdict);
      } catch (IllegalArgumentException e) {
        throw new BaselineException("the baseline " + source + " has a case with an unknown verdict: " + c);
      }
      if (v.failsGate()) {
        failures.put(id, verdict + " in the baseline " + source);
      }
    }
    return new Baseline(failures, true);
  }

  /** The cases listed in an expected-failures file: one case id a line, then its reason; '#' starts a comment line. */
  public static Baseline fromExpectedFailuresFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BaselineException("cannot read the expected-failures file " + file + ": " + e.getMessage());
    }
    return parseExpectedFailures(text, file.toString());
  }

  static Baseline parseExpectedFailures(String text, String source) {
    Map<String, String> failures = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] idAndReason = line.split("\\s+", 2);
      String id = idAndReason[0];
      if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
        throw new BaselineException(source + " line " + (i + 1) + ": '" + id + "' is not a case id (lower-case letters, digits, '.', '_', '-')");
      }
      // A reason may be set off by "#" or "-" after the id; both read the same.
      String reason = idAndReason.length > 1 ? idAndReason[1].replaceFirst("^[#-]\\s*", "").strip() : "";
      if (failures.containsKey(id)) {
        throw new BaselineException(source + " line " + (i + 1) + ": case " + id + " is listed twice");
      }
      failures.put(id, reason.isEmpty() ? "listed in " + source : reason + " (" + source + ")");
    }
    return new Baseline(failures, true);
  }

  /** A baseline or expected-failures file that cannot be used, with what is wrong with it. */
  public static final class BaselineException extends RuntimeException {
    public BaselineException(String message) {
      super(message);
    }
  }
}
