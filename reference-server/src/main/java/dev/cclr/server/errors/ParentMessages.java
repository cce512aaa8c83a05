package dev.cclr.server.errors;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence Spark's error catalogue puts before a sub-class's own text, e.g. "The handle
 * &lt;handle&gt; is invalid." for every {@code INVALID_HANDLE.*}. A {@link SparkError} carries only
 * the sub-class text; the rendered message is "[CLASS] parent text SQLSTATE: state", as Spark's
 * SparkThrowableHelper formats it.
 */
final class ParentMessages {

  private static final Map<String, String> TEMPLATES = Map.of(
      "CONNECT_INVALID_PLAN", "The Spark Connect plan is invalid.",
      "INVALID_HANDLE", "The handle <handle> is invalid.",
      "INVALID_CURSOR", "The cursor is invalid.",
      "INVALID_CONF_VALUE", "The value '<confValue>' in the config \"<confName>\" is invalid.",
      "UNSUPPORTED_FEATURE", "The feature is not supported:",
      "INVALID_PARAMETER_VALUE", "The value of parameter(s) <parameter> in <functionName> is invalid:",
      "INVALID_CLONE_SESSION_REQUEST", "Invalid session clone request.");

  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_]+)>");

  private ParentMessages() {}

  /** The parent sentence for a sub-class, with parameters filled in; empty when there is none. */
  static String parentOf(String errorClass, Map<String, String> params) {
    if (errorClass == null) {
      return "";
    }
    int dot = errorClass.indexOf('.');
    if (dot < 0) {
      return "";
    }
    String template = TEMPLATES.get(errorClass.substring(0, dot));
    if (template == null) {
      return "";
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.getOrDefault(m.group(1), m.group(0));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
