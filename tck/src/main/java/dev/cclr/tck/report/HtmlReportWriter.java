package dev.cclr.tck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code tck-report.html}: one page a person reads in a browser. Failures come first with
 * the requirement they break; then requirements against verdicts; then every case.
 */
public final class HtmlReportWriter {
  public static final String FILE = "tck-report.html";

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}",
      "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}",
      "table{border-collapse:collapse;width:100%;font-size:.9em}",
      "th,td{border:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}",
      "th{background:#f4f4f4}td.msg{font-family:ui-monospace,monospace;white-space:pre-wrap;font-size:.85em}",
      ".PASS{background:#e6f4ea}.FAIL{background:#fce8e6}.NOT_OBSERVED{background:#fef7e0}.ERROR{background:#fdd8a8}",
      ".NOT_APPLICABLE,.SKIPPED{background:#f1f3f4;color:#555}",
      ".gate{font-size:1.3em;font-weight:bold;padding:.4em .8em;display:inline-block}",
      ".ok{background:#e6f4ea;color:#137333}.bad{background:#fce8e6;color:#a50e0e}",
      ".regression{color:#a50e0e;font-weight:bold}.expected,.newly-passing{color:#555}",
      "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}");

  private HtmlReportWriter() {}

  public static Path write(RunSummary s, boolean gateShouldAndMay, Path dir) throws IOException {
    return write(s, Gate.of(gateShouldAndMay).judge(s), dir);
  }

  public static Path write(RunSummary s, GateReport gate, Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    Files.writeString(file, render(s, gate), StandardCharsets.UTF_8);
    return file;
  }

  static String render(RunSummary s, GateReport gate) {
    boolean gateShouldAndMay = gate.gate().allLevels();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc("cclr TCK: " + s.implementation())).append("</title><style>").append(STYLE)
        .append("</style></head><body>");
    boolean passed = gate.held();
    h.append("<h1>Chunked cached local relation conformance: ").append(esc(s.implementation())).append("</h1>");
    h.append("<p class=\"gate ").append(passed ? "ok\">PASSED" : "bad\">FAILED").append("</p>");
    s.notJudgedReason().ifPresent(reason -> h.append("<p class=\"gate bad\" id=\"not-judged\">NOT JUDGED: ")
        .append(esc(reason)).append("</p><p>No case was run: every case is ERROR with this reason. This report says "
            + "nothing about the implementation's conformance.</p>"));
    for (TargetCrash crash : s.crashes()) {
      h.append("<p class=\"gate bad crash\">CRASH: ").append(esc(crash.headline())).append("</p>");
    }
    h.append("<dl><dt>Suite</dt><dd>").append(esc(s.suite())).append("</dd><dt>Target</dt><dd>")
        .append(esc(s.target())).append("</dd><dt>Profile</dt><dd>").append(esc(s.profile()))
        .append("</dd><dt>TCK version</dt><dd>").append(esc(s.tckVersion())).append("</dd><dt>Started</dt><dd>")
        .append(esc(s.started().toString())).append("</dd><dt>Gate</dt><dd>")
        .append(gateShouldAndMay ? "MUST, SHOULD and MAY cases" : "MUST cases; SHOULD and MAY reported apart")
        .append(gate.baselineActive() ? "; only regressions against the baseline ("
            + gate.gate().baseline().expectedFailures().size() + " expected failures) fail it" : "")
        .append("</dd></dl>");
    if (gate.baselineActive()) {
      h.append("<p id=\"baseline\">Regressions: ").append(gate.regressions().size()).append(" ")
          .append(esc(gate.regressions().stream().map(CaseResult::id).collect(Collectors.joining(" "))))
          .append("<br>Newly passing (remove them from the baseline): ").append(gate.newlyPassing().size()).append(" ")
          .append(esc(gate.newlyPassing().stream().map(CaseResult::id).collect(Collectors.joining(" "))))
          .append("<br>Expected failures that still fail: ").append(gate.expectedFailures().size()).append("</p>");
    }
    h.append("<table><tr><th>level</th>");
    for (Verdict v : Verdict.values()) {
      h.append("<th>").append(v).append("</th>");
    }
    h.append("</tr>");
    counts(h, "MUST", s.counts(true));
    counts(h, "SHOULD / MAY", s.counts(false));
    h.append("</table>");

    List<CaseResult> bad = s.results().stream()
        .filter(r -> r.verdict().failsGate())
        .sorted(Comparator.comparing((CaseResult r) -> !r.isMust()).thenComparing(CaseResult::id))
        .collect(Collectors.toList());
    h.append("<h2 id=\"failures\">Failures (").append(bad.size()).append(")</h2>");
    if (bad.isEmpty()) {
      h.append("<p>None.</p>");
    } else {
      caseTable(h, bad, gate);
    }

    h.append("<h2 id=\"requirements\">Requirements</h2><table><tr><th>requirement</th><th>verdict</th><th>cases</th></tr>");
    Map<String, List<CaseResult>> byRequirement = new TreeMap<>();
    for (CaseResult r : s.results()) {
      for (String req : r.requirements()) {
        byRequirement.computeIfAbsent(req, k -> new java.util.ArrayList<>()).add(r);
      }
    }
    byRequirement.forEach((req, rs) -> {
      Verdict worst = rs.stream().map(CaseResult::verdict).max(HtmlReportWriter::severity).orElse(Verdict.SKIPPED);
      h.append("<tr><td>").append(esc(req)).append("</td><td class=\"").append(worst).append("\">").append(worst)
          .append("</td><td>");
      for (CaseResult r : rs) {
        h.append("<a class=\"").append(r.verdict()).append("\" href=\"#case-").append(esc(r.id())).append("\">")
            .append(esc(r.id())).append("</a> ");
      }
      h.append("</td></tr>");
    });
    h.append("</table>");

    h.append("<h2 id=\"cases\">All cases</h2>");
    caseTable(h, s.results().stream().sorted(Comparator.comparing(CaseResult::id)).collect(Collectors.toList()), gate);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static int severity(Verdict a, Verdict b) {
    return Integer.compare(rank(a), rank(b));
  }

  private static int rank(Verdict v) {
    switch (v) {
      case ERROR: return 5;
      case FAIL: return 4;
      case NOT_OBSERVED: return 3;
      case PASS: return 2;
      case NOT_APPLICABLE: return 1;
      default: return 0;
    }
  }

  private static void counts(StringBuilder h, String label, Map<Verdict, Integer> counts) {
    h.append("<tr><th>").append(label).append("</th>");
    for (Verdict v : Verdict.values()) {
      h.append("<td>").append(counts.get(v)).append("</td>");
    }
    h.append("</tr>");
  }

  private static void caseTable(StringBuilder h, List<CaseResult> rows, GateReport gate) {
    h.append("<table><tr><th>case</th><th>level</th><th>requirements</th><th>verdict</th><th>ms</th><th>message</th></tr>");
    for (CaseResult r : rows) {
      h.append("<tr id=\"case-").append(esc(r.id())).append("\"><td>").append(esc(r.id()))
          .append("<br><small>").append(esc(r.title())).append("</small></td><td>").append(r.level())
          .append("</td><td>").append(esc(String.join(" ", r.requirements()))).append("</td><td class=\"")
          .append(r.verdict()).append("\">").append(r.verdict()).append(mark(gate.standing(r))).append("</td><td>").append(r.duration().toMillis())
          .append("</td><td class=\"msg\">").append(esc(r.message() == null ? "" : r.message()));
      if (r.actual() != null && r.verdict() != Verdict.PASS) {
        h.append("\n\nactual: ").append(esc(r.actual()));
      }
      h.append("</td></tr>");
    }
    h.append("</table>");
  }

  /** The baseline mark after a verdict, so an expected failure reads apart from a regression. */
  private static String mark(GateReport.Standing standing) {
    return switch (standing) {
      case AS_JUDGED -> "";
      case EXPECTED_FAILURE -> "<br><small class=\"expected\">expected failure</small>";
      case REGRESSION -> "<br><small class=\"regression\">regression</small>";
      case NEWLY_PASSING -> "<br><small class=\"newly-passing\">newly passing</small>";
    };
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
