package dev.cclr.server.config;

import dev.cclr.server.errors.ErrorStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's grammar for byte sizes (its bytesConf): an optional minus sign, digits, an optional
 * unit suffix, case-insensitive and trimmed; "1k" is 1024 bytes. Spark 4.2.0 also accepts the
 * "ki"/"kib" style suffixes, which 4.1.x rejects (observed against real servers).
 */
final class ByteSizes {

  private static final Pattern SIZE = Pattern.compile("([0-9]+)([a-z]+)?");

  private static final Map<String, Long> UNITS_4_1 = Map.ofEntries(
      Map.entry("b", 1L),
      Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10),
      Map.entry("m", 1L << 20), Map.entry("mb", 1L << 20),
      Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30),
      Map.entry("t", 1L << 40), Map.entry("tb", 1L << 40),
      Map.entry("p", 1L << 50), Map.entry("pb", 1L << 50));

  private static final Map<String, Long> BINARY_SUFFIXES_4_2 = Map.ofEntries(
      Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
      Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
      Map.entry("gi", 1L << 30), Map.entry("gib", 1L << 30),
      Map.entry("ti", 1L << 40), Map.entry("tib", 1L << 40),
      Map.entry("pi", 1L << 50), Map.entry("pib", 1L << 50));

  private ByteSizes() {}

  /** The size in bytes; throws NumberFormatException for anything Spark would reject. */
  static long parse(String raw, ErrorStyle style) {
    String s = raw.trim().toLowerCase(Locale.ROOT);
    long sign = 1;
    if (s.startsWith("-")) {
      sign = -1;
      s = s.substring(1);
    }
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      throw new NumberFormatException("not a byte size: " + raw);
    }
    long number = Long.parseLong(m.group(1));
    long unit = 1;
    if (m.group(2) != null) {
      Long u = UNITS_4_1.get(m.group(2));
      if (u == null && style == ErrorStyle.SPARK_4_2) {
        u = BINARY_SUFFIXES_4_2.get(m.group(2));
      }
      if (u == null) {
        throw new NumberFormatException("invalid size suffix: " + m.group(2));
      }
      unit = u;
    }
    try {
      return sign * Math.multiplyExact(number, unit);
    } catch (ArithmeticException overflow) {
      throw new NumberFormatException("byte size out of range: " + raw);
    }
  }

  /** How Spark prints a bytes conf's default: the number of bytes followed by "b". */
  static String render(long bytes) {
    return bytes + "b";
  }
}
