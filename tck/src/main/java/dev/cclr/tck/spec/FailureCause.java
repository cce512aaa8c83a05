package dev.cclr.tck.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cause of a failure, read from the start of its message, so that the same fault seen in many
 * cases (or by many implementations) is reported once. The step prefix ({@code step 2 (execute
 * {...}): }) and everything case-specific after the cause (blob names, hashes, counts, quoted
 * messages) are dropped; a remote error keeps its gRPC code, error class and exception class. A
 * client case's message starts with the requirement and case it broke ({@code CLI-ART-005
 * unconfirmed-uploads-resent: ...}), and that pair is its cause.
 */
public final class FailureCause {
  private static final Pattern STEP = Pattern.compile("^step \\d+ \\(");
  /** A client case's message starts with the requirement and the case it broke: that is its cause. */
  private static final Pattern CLIENT_RULE = Pattern.compile("^((?:CLI|SRV)-[A-Z]{3}-\\d{3} [a-z0-9][a-z0-9._-]*):");
  /** A remote error as the TCK prints it: {@code INTERNAL errorClass=X sqlState=Y messageParameters={..} reason=Z}. */
  private static final Pattern REMOTE_ERROR =
      Pattern.compile("\\b([A-Z_]+) errorClass=(\\S+) sqlState=\\S+ messageParameters=\\{.*?\\} reason=(\\S+)");
  /** Where case-specific detail starts: a bracket, brace, quote or digit. */
  private static final Pattern DETAIL = Pattern.compile("[\\[{(\"0-9]");

  private FailureCause() {}

  public static String of(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    Matcher rule = CLIENT_RULE.matcher(message.strip());
    if (rule.find()) {
      return rule.group(1);
    }
    String rest = withoutStep(message.strip());
    Matcher error = REMOTE_ERROR.matcher(rest);
    Matcher detail = DETAIL.matcher(rest);
    int detailAt = detail.find() ? detail.start() : rest.length();
    if (error.find() && error.start() <= detailAt) {
      return clean(rest.substring(0, error.start()) + error.group(1) + " errorClass=" + error.group(2) + " reason=" + error.group(3));
    }
    String cause = clean(rest.substring(0, detailAt));
    return cause.isEmpty() ? clean(firstLine(rest)) : cause;
  }

  /** The message after {@code step N (op {...}): }, the parenthesis matched outside JSON strings. */
  private static String withoutStep(String message) {
    Matcher m = STEP.matcher(message);
    if (!m.find()) {
      return message;
    }
    int depth = 1;
    boolean inString = false;
    for (int i = m.end(); i < message.length(); i++) {
      char c = message.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        String after = message.substring(i + 1);
        return after.startsWith(":") ? after.substring(1).strip() : after.strip();
      }
    }
    // The step's arguments were cut short ("...") in the middle of a string: the first "): " ends them.
    int end = message.indexOf("): ", m.end());
    return end < 0 ? message : message.substring(end + 3).strip();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String clean(String text) {
    String t = firstLine(text).strip();
    while (t.endsWith(":") || t.endsWith(",") || t.endsWith(";") || t.endsWith("=") || t.endsWith(" with")) {
      t = t.substring(0, t.length() - (t.endsWith(" with") ? 5 : 1)).strip();
    }
    return t;
  }
}
