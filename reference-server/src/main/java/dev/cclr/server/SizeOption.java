package dev.cclr.server;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses sizes on the command line: "268435456", "256MiB", "256m", "1GiB", "512KB" (powers of 1024). */
final class SizeOption implements CommandLine.ITypeConverter<Long> {

  private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+)\\s*([a-z]*)\\s*");
  private static final Map<String, Long> UNITS = Map.ofEntries(
      Map.entry("", 1L), Map.entry("b", 1L),
      Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10), Map.entry("kib", 1L << 10),
      Map.entry("m", 1L << 20), Map.entry("mb", 1L << 20), Map.entry("mib", 1L << 20),
      Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30), Map.entry("gib", 1L << 30));

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
    Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
    if (unit == null) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a size (examples: 268435456, 256MiB, 1GiB)");
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is too large");
    }
  }
}
