package dev.cclr.driver.sparkjvm;

import java.util.List;
import java.util.Map;

/**
 * Renders maps, lists, strings, numbers, booleans and null as JSON text.
 *
 * <p>Hand-written because the driver runs on Spark's client classpath only, and we do not want
 * its result format to depend on whichever Jackson that classpath happens to carry.
 */
final class Json {

  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value, 0);
    out.append('\n');
    return out.toString();
  }

  private static void append(StringBuilder out, Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      // JSON has no NaN or infinity; a string keeps the value readable instead of breaking the file.
      appendString(out, d.toString());
    } else if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      appendString(out, f.toString());
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof Map<?, ?> map) {
      appendMap(out, map, depth);
    } else if (value instanceof List<?> list) {
      appendList(out, list, depth);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
      }
      out.append(first ? "" : ",");
      newline(out, depth + 1);
      appendString(out, key);
      out.append(": ");
      append(out, e.getValue(), depth + 1);
      first = false;
    }
    newline(out, depth);
    out.append('}');
  }

  private static void appendList(StringBuilder out, List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object item : list) {
      out.append(first ? "" : ",");
      newline(out, depth + 1);
      append(out, item, depth + 1);
      first = false;
    }
    newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // A lone surrogate cannot be encoded as UTF-8; escaping it keeps the file valid.
  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
