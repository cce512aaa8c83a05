package dev.cclr.tck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code tck-summary.json}: the machine-readable verdict a CI gate reads and the input of
 * the conformance page. Field names are part of the TCK's interface; add, never rename.
 */
public final class SummaryJsonWriter {
  public static final String FILE = "tck-summary.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJsonWriter() {}

  public static ObjectNode toJson(RunSummary s, boolean gateShouldAndMay) {
    return toJson(s, Gate.of(gateShouldAndMay).judge(s));
  }

  /** The summary as the gate judged it; with a baseline, each case says how it stands against it. */
  public static ObjectNode toJson(RunSummary s, GateReport gate) {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", s.suite());
    root.put("implementation", s.implementation());
    root.put("target", s.target());
    root.put("profile", s.profile());
    s.provenance().implementationVersion().ifPresent(v -> root.put("implementationVersion", v));
    s.provenance().installedFrom().ifPresent(v -> root.put("installedFrom", v));
    root.put("tckVersion", s.tckVersion());
    root.put("started", s.started().toString());
    root.put("passed", gate.held());
    root.put("exitCode", gate.exit().code());
    if (gate.baselineActive()) {
      ObjectNode baseline = root.putObject("baseline");
      baseline.put("expectedFailures", gate.gate().baseline().expectedFailures().size());
      putIds(baseline.putArray("regressions"), gate.regressions());
      putIds(baseline.putArray("newlyPassing"), gate.newlyPassing());
      ArrayNode unknown = baseline.putArray("unknownIds");
      gate.unknownIds().forEach(unknown::add);
    }
    s.notJudgedReason().ifPresent(reason -> root.put("notJudged", reason));
    ArrayNode crashes = root.putArray("crashes");
    for (TargetCrash crash : s.crashes()) {
      ObjectNode c = crashes.addObject();
      c.put("case", crash.caseId());
      c.put("target", crash.target());
      c.put("reason", crash.reason());
      c.put("aftermath", crash.aftermath());
    }
    ObjectNode totals = root.putObject("totals");
    putCounts(totals.putObject("must"), s.counts(true));
    putCounts(totals.putObject("shouldAndMay"), s.counts(false));
    ArrayNode cases = root.putArray("cases");
    for (CaseResult r : s.results()) {
      ObjectNode c = cases.addObject();
      c.put("id", r.id());
      c.put("title", r.title());
      ArrayNode req = c.putArray("requirements");
      r.requirements().forEach(req::add);
      c.put("level", r.level());
      ArrayNode tags = c.putArray("tags");
      r.tags().forEach(tags::add);
      c.put("verdict", r.verdict().name());
      c.put("message", r.message());
      if (r.actual() != null) {
        c.put("actual", r.actual());
      }
      c.put("durationMs", r.duration().toMillis());
      if (gate.baselineActive()) {
        java.util.Optional<String> why = gate.gate().baseline().expectedFailure(r.id());
        c.put("expectedFailure", why.isPresent());
        why.ifPresent(reason -> c.put("expectedFailureReason", reason));
        GateReport.Standing standing = gate.standing(r);
        c.put("regression", standing == GateReport.Standing.REGRESSION);
        c.put("newlyPassing", standing == GateReport.Standing.NEWLY_PASSING);
      }
    }
    return root;
  }

  public static Path write(RunSummary s, GateReport gate, Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    JSON.writeValue(file.toFile(), toJson(s, gate));
    return file;
  }

  private static void putIds(ArrayNode node, java.util.List<CaseResult> results) {
    results.forEach(r -> node.add(r.id()));
  }

  private static void putCounts(ObjectNode node, Map<Verdict, Integer> counts) {
    counts.forEach((v, n) -> node.put(v.name(), n));
  }
}
