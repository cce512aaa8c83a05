package dev.cclr.tck.cases;

import dev.cclr.tck.fixtures.FixtureException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the placeholders manifests use where a value depends on the blobs' bytes or on the
 * session: {@code ${sha256:K}}, {@code ${name:K}}, {@code ${size:K1,K2}}, {@code ${size-1:...}},
 * {@code ${max:...}}, {@code ${max-1:...}} and {@code ${serverSideSessionId}}; {@code ${sessionId}},
 * {@code ${operationId}}, {@code ${lastResponseId}} and {@code ${responseId:K}} stay as written, as
 * observations write them.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9-]+)(?::([^}]*))?}");

  private final Map<String, Blob> blobs;
  private final Supplier<String> serverSideSessionId;

  public Placeholders(Map<String, Blob> blobs, Supplier<String> serverSideSessionId) {
    this.blobs = blobs;
    this.serverSideSessionId = serverSideSessionId;
  }

  public String expand(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(String function, String argument) {
    switch (function) {
      case "serverSideSessionId":
        return serverSideSessionId.get();
      case "sessionId", "operationId", "lastResponseId", "responseId":
        // Ids fresh per run: observations write them as these placeholders, so expectations keep them.
        return "${" + function + (argument == null ? "" : ":" + argument) + "}";
      case "sha256":
        return blob(argument).sha256();
      case "name":
        return blob(argument).cacheName();
      case "size":
        return Long.toString(sum(argument));
      case "size-1":
        return Long.toString(sum(argument) - 1);
      case "max":
        return Long.toString(max(argument));
      case "max-1":
        return Long.toString(max(argument) - 1);
      default:
        throw new FixtureException("unknown placeholder ${" + function + "}");
    }
  }

  private long sum(String keys) {
    long total = 0;
    for (String k : keys.split(",")) {
      total += blob(k.trim()).bytes().length;
    }
    return total;
  }

  private long max(String keys) {
    long max = 0;
    for (String k : keys.split(",")) {
      max = Math.max(max, blob(k.trim()).bytes().length);
    }
    return max;
  }

  private Blob blob(String key) {
    Blob b = blobs.get(key);
    if (b == null) {
      throw new FixtureException("placeholder names unknown blob '" + key + "'");
    }
    return b;
  }
}
