package dev.cclr.tck.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The bench's one-line result, {@code key=value} pairs separated by single spaces, values without
 * spaces; numbers with one decimal (ratios with two), {@code na} where there is no figure.
 */
final class KeyValueLine {
  private final Map<String, String> pairs = new LinkedHashMap<>();

  KeyValueLine put(String key, String value) {
    if (key.isEmpty() || key.contains(" ") || key.contains("=")) {
      throw new IllegalArgumentException("bad key '" + key + "'");
    }
    pairs.put(key, value == null || value.isEmpty() ? "na" : value.replace(' ', '_'));
    return this;
  }

  KeyValueLine put(String key, double value, int decimals) {
    return put(key, Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "na");
  }

  KeyValueLine putMiB(String key, OptionalLong bytes) {
    return put(key, bytes.isPresent() ? Long.toString(Math.round(bytes.getAsLong() / (1024.0 * 1024.0))) : "na");
  }

  Map<String, String> pairs() {
    return Map.copyOf(pairs);
  }

  @Override
  public String toString() {
    return pairs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  /** Parses a line written by {@link #toString()}. */
  static Map<String, String> parse(String line) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String part : line.trim().split(" +")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a key=value pair: '" + part + "'");
      }
      result.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return result;
  }
}
