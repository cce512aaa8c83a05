package dev.cclr.tck.report;

import java.time.Duration;
import java.util.List;

/**
 * One line of a report: which case, which requirements it checks, at which level, and what
 * happened. {@code message} says, for a failure, what was expected, what came back and which
 * requirement that breaks; {@code actual} keeps the implementation's answer for interop reports.
 */
public record CaseResult(
    String id,
    String title,
    List<String> requirements,
    String level,
    List<String> tags,
    Verdict verdict,
    String message,
    String actual,
    Duration duration) {

  public CaseResult {
    requirements = List.copyOf(requirements);
    tags = List.copyOf(tags);
  }

  public boolean isMust() { return "MUST".equals(level); }
}
