package dev.cclr.tck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code TEST-cclr-<suite>.xml} in the JUnit XML format CI systems read, one testcase per
 * case named by the case id. JUnit's own legacy report names parameterized invocations by index
 * ({@code conforms(CaseDefinition)[9]}), which would lose the id, so the TCK writes this one itself.
 * SHOULD and MAY cases carry their level in the class name, so a CI view groups them apart.
 */
public final class JUnitXmlWriter {
  private JUnitXmlWriter() {}

  public static Path write(RunSummary s, Path dir) throws IOException {
    return write(s, Gate.of(false).judge(s), dir);
  }

  /**
   * With a baseline, an expected failure is written as skipped with its verdict and reason (as
   * pytest writes an xfail), so that a CI view of the XML is red only for regressions.
   */
  public static Path write(RunSummary s, GateReport gate, Path dir) throws IOException {
    Path file = dir.resolve("TEST-cclr-" + s.suite() + ".xml");
    List<CaseResult> results = s.results();
    // A situation that never arose is reported as a failure: JUnit has no verdict between.
    long failures = results.stream()
        .filter(r -> (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.NOT_OBSERVED) && !expected(gate, r)).count();
    long errors = results.stream().filter(r -> r.verdict() == Verdict.ERROR && !expected(gate, r)).count();
    long skipped = results.stream().filter(r -> !r.verdict().counted() || expected(gate, r)).count();
    double seconds = results.stream().mapToLong(r -> r.duration().toMillis()).sum() / 1000.0;
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuite name=\"cclr.").append(attr(s.suite())).append("\" tests=\"").append(results.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"")
        .append(skipped).append("\" time=\"").append(seconds).append("\" timestamp=\"").append(attr(s.started().toString()))
        .append("\">\n  <properties>\n");
    property(x, "implementation", s.implementation());
    property(x, "target", s.target());
    property(x, "profile", s.profile());
    property(x, "tckVersion", s.tckVersion());
    x.append("  </properties>\n");
    for (CaseResult r : results) {
      x.append("  <testcase classname=\"cclr.").append(attr(s.suite())).append('.').append(r.level()).append("\" name=\"")
          .append(attr(r.id())).append("\" time=\"").append(r.duration().toMillis() / 1000.0).append("\">");
      String detail = "requirements: " + String.join(", ", r.requirements()) + "\n" + r.message()
          + (r.actual() == null ? "" : "\nactual: " + r.actual());
      if (expected(gate, r)) {
        x.append("\n    <skipped message=\"").append(attr("expected failure (" + gate.gate().baseline().expectedFailure(r.id()).orElse("")
            + "): " + r.verdict() + ": " + r.message())).append("\"/>\n  </testcase>\n");
        continue;
      }
      switch (r.verdict()) {
        case FAIL:
          x.append("\n    <failure message=\"").append(attr(r.message())).append("\">").append(text(detail)).append("</failure>\n  ");
          break;
        case NOT_OBSERVED:
          x.append("\n    <failure type=\"NOT_OBSERVED\" message=\"").append(attr("NOT_OBSERVED: " + r.message())).append("\">")
              .append(text(detail)).append("</failure>\n  ");
          break;
        case ERROR:
          x.append("\n    <error message=\"").append(attr(r.message())).append("\">").append(text(detail)).append("</error>\n  ");
          break;
        case NOT_APPLICABLE:
        case SKIPPED:
          x.append("\n    <skipped message=\"").append(attr(r.verdict() + ": " + r.message())).append("\"/>\n  ");
          break;
        default:
          break;
      }
      x.append("</testcase>\n");
    }
    x.append("</testsuite>\n");
    Files.writeString(file, x, StandardCharsets.UTF_8);
    return file;
  }

  private static boolean expected(GateReport gate, CaseResult r) {
    return gate.standing(r) == GateReport.Standing.EXPECTED_FAILURE;
  }

  private static void property(StringBuilder x, String name, String value) {
    x.append("    <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  private static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      // XML 1.0 cannot carry most control characters, even escaped.
      if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
        out.append('?');
      } else if (c == '&') {
        out.append("&amp;");
      } else if (c == '<') {
        out.append("&lt;");
      } else if (c == '>') {
        out.append("&gt;");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
