package dev.cclr.tck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One implementation's column of the conformance page, read from its {@code tck-summary.json}: what
 * was run, where it came from (version, installation, date of the run) and the per-case verdicts.
 *
 * @param version the summary's {@code implementationVersion}; for a summary written before that was
 *     recorded, the matrix row's (the kit's own version for the kit's implementations); "not recorded"
 *     without either
 * @param installedFrom likewise from {@code installedFrom}, else the matrix row's {@code install}
 * @param date the day the run started (UTC)
 */
public record ResultColumn(String label, String implementation, String suite, String profile, String target,
    String version, String installedFrom, String date, Map<String, JsonNode> cases, List<Crash> crashes,
    int must, int mustPassed) {

  static final String NOT_RECORDED = "not recorded";

  /** A case during which the server process died, as the summary's {@code crashes} lists it. */
  public record Crash(String caseId, String reason, String aftermath) {}

  public ResultColumn {
    cases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cases));
    crashes = List.copyOf(crashes);
  }

  /** The column of {@code summary} without a matrix row. */
  public static ResultColumn read(Path summary) {
    return read(summary, Optional.empty());
  }

  /** The column of {@code summary}; {@code row} fills in provenance an older summary lacks. */
  public static ResultColumn read(Path summary, Optional<ProvenanceFallback> row) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(summary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + summary, e);
    }
    Map<String, JsonNode> cases = new LinkedHashMap<>();
    int must = 0;
    int mustPassed = 0;
    for (JsonNode c : root.path("cases")) {
      cases.put(c.path("id").asText(), c);
      String verdict = c.path("verdict").asText();
      if (c.path("level").asText().equals("MUST") && !verdict.equals("SKIPPED") && !verdict.equals("NOT_APPLICABLE")) {
        must++;
        if (verdict.equals("PASS")) {
          mustPassed++;
        }
      }
    }
    List<Crash> crashes = new ArrayList<>();
    for (JsonNode c : root.path("crashes")) {
      crashes.add(new Crash(c.path("case").asText(), c.path("reason").asText(), c.path("aftermath").asText()));
    }
    String implementation = root.path("implementation").asText();
    String suite = root.path("suite").asText();
    String profile = root.path("profile").asText();
    String label = suite.equals("client") ? implementation : implementation + " (" + profile + ")";
    String version = text(root, "implementationVersion")
        .or(() -> row.map(r -> r.version().orElse(root.path("tckVersion").asText())))
        .orElse(NOT_RECORDED);
    String installedFrom = text(root, "installedFrom").or(() -> row.map(ProvenanceFallback::installedFrom)).orElse(NOT_RECORDED);
    String date = text(root, "started").map(s -> Instant.parse(s).atZone(ZoneOffset.UTC).toLocalDate().toString()).orElse(NOT_RECORDED);
    return new ResultColumn(label, implementation, suite, profile, root.path("target").asText(), version, installedFrom, date,
        cases, crashes, must, mustPassed);
  }

  private static Optional<String> text(JsonNode root, String name) {
    JsonNode v = root.get(name);
    return v == null || !v.isTextual() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }

  /** The requirement's cell: the most severe verdict among this run's cases that check it. */
  public CellVerdict cell(Requirement r) {
    CellVerdict worst = null;
    for (JsonNode node : cases.values()) {
      for (JsonNode req : node.path("requirements")) {
        if (req.asText().equals(r.id())) {
          worst = CellVerdict.worse(worst, CellVerdict.ofCaseVerdict(node.path("verdict").asText()));
          break;
        }
      }
    }
    if (worst == null) {
      return r.isUntested() ? CellVerdict.UNTESTED : CellVerdict.NO_CASE;
    }
    return worst;
  }
}
