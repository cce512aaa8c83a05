package dev.cclr.tck.report;

/**
 * A target that was answering before a case and not after it: the case that took it down, what the
 * probe saw, and what the run did next (restarted it, or judged nothing more on it).
 */
public record TargetCrash(String caseId, String target, String reason, String aftermath) {
  public String headline() {
    String name = target.length() > 80 ? target.substring(0, 77) + "..." : target;
    return "the target " + name + " stopped answering during case " + caseId + " (" + firstLine(reason) + "); " + aftermath;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
