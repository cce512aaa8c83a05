package dev.cclr.tck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the matrix found, most serious first: the cases during which a server process died, then
 * the MUST cases that did not pass (FAIL, NOT_OBSERVED, ERROR) grouped by {@link FailureCause},
 * each with every implementation's answer.
 */
public final class Findings {
  private static final Set<String> NOT_PASSED = Set.of("FAIL", "NOT_OBSERVED", "ERROR");
  private static final int ANSWER_LENGTH = 240;

  /** A crash: which implementation, during which case, what its process said last. */
  public record CrashFinding(String implementation, String caseId, String headline, String lastWords, String aftermath) {}

  /** One implementation's answer in one case that did not pass. */
  public record Answer(String implementation, String caseId, String verdict, String answer) {}

  /** The MUST failures that share a cause, in column then case order. */
  public record CauseGroup(String cause, List<Answer> answers) {
    public long implementations() {
      return answers.stream().map(Answer::implementation).distinct().count();
    }
  }

  private final List<CrashFinding> crashes;
  private final List<CauseGroup> causes;

  private Findings(List<CrashFinding> crashes, List<CauseGroup> causes) {
    this.crashes = List.copyOf(crashes);
    this.causes = List.copyOf(causes);
  }

  public List<CrashFinding> crashes() { return crashes; }

  /** Largest group first (most answers), then by cause. */
  public List<CauseGroup> causes() { return causes; }

  public static Findings of(List<ResultColumn> columns) {
    List<CrashFinding> crashes = new ArrayList<>();
    Map<String, List<Answer>> byCause = new LinkedHashMap<>();
    for (ResultColumn c : columns) {
      for (ResultColumn.Crash crash : c.crashes()) {
        crashes.add(new CrashFinding(c.label(), crash.caseId(), firstLine(crash.reason()), lastWords(crash.reason()), crash.aftermath()));
      }
      for (JsonNode node : c.cases().values()) {
        String verdict = node.path("verdict").asText();
        if (!node.path("level").asText().equals("MUST") || !NOT_PASSED.contains(verdict)) {
          continue;
        }
        String message = node.path("message").asText("");
        String answer = node.hasNonNull("actual") ? node.path("actual").asText() : message;
        byCause.computeIfAbsent(FailureCause.of(message), k -> new ArrayList<>())
            .add(new Answer(c.label(), node.path("id").asText(), verdict, shorten(answer)));
      }
    }
    List<CauseGroup> groups = new ArrayList<>();
    byCause.forEach((cause, answers) -> groups.add(new CauseGroup(cause, answers)));
    groups.sort(Comparator.comparingInt((CauseGroup g) -> -g.answers().size()).thenComparing(CauseGroup::cause));
    return new Findings(crashes, groups);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /**
   * The last line of the process's log that says something (a panic's message, a failed
   * allocation), skipping the backtrace boilerplate that follows it.
   */
  static String lastWords(String reason) {
    String[] lines = reason.split("\n");
    for (int i = lines.length - 1; i > 0; i--) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.startsWith("stack backtrace") && !line.startsWith("note:") && !line.startsWith("---")) {
        return line;
      }
    }
    return "";
  }

  private static String shorten(String text) {
    StringBuilder printable = new StringBuilder();
    // Answers hold raw values (a NUL in a string column): control characters are written as \\uXXXX.
    text.replace('\n', ' ').strip().chars().forEach(ch -> printable.append(Character.isISOControl(ch)
        ? String.format("\\u%04x", ch) : String.valueOf((char) ch)));
    String one = printable.toString();
    return one.length() <= ANSWER_LENGTH ? one : one.substring(0, ANSWER_LENGTH - 1) + "…";
  }
}
