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
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", s.suite());
    root.put("implementation", s.implementation());
    root.put("target", s.target());
    root.put("profile", s.profile());
    root.put("tckVersion", s.tckVersion());
    root.put("started", s.started().toString());
    root.put("passed", s.passes(gateShouldAndMay));
    root.put("exitCode", s.exitCode(gateShouldAndMay).code());
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
    }
    return root;
  }

  public static Path write(RunSummary s, boolean gateShouldAndMay, Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    JSON.writeValue(file.toFile(), toJson(s, gateShouldAndMay));
    return file;
  }

  private static void putCounts(ObjectNode node, Map<Verdict, Integer> counts) {
    counts.forEach((v, n) -> node.put(v.name(), n));
  }
}
