package dev.cclr.tck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Byte sizes on the bench's command line: {@code 512MiB}, {@code 16MiB}, {@code 32KiB}, {@code 4GiB},
 * a plain number of bytes, or the short forms {@code k}, {@code m}, {@code g}, {@code t} (with or
 * without {@code b}/{@code ib}). Every unit is a power of 1024: {@code 1MB} is 1 MiB here, as in
 * Spark's byte-size confs. Throughput, by contrast, is reported in MB/s of 10^6 bytes.
 */
public final class Sizes {
  private Sizes() {}

  public static long parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int end = s.length();
    while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
      end--;
    }
    String digits = s.substring(0, end).trim();
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("not a byte size: '" + text + "'");
    }
    long number;
    try {
      number = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a byte size: '" + text + "'", e);
    }
    if (number < 0) {
      throw new IllegalArgumentException("a byte size cannot be negative: '" + text + "'");
    }
    int shift = switch (s.substring(end)) {
      case "", "b" -> 0;
      case "k", "kb", "kib" -> 10;
      case "m", "mb", "mib" -> 20;
      case "g", "gb", "gib" -> 30;
      case "t", "tb", "tib" -> 40;
      default -> throw new IllegalArgumentException("not a byte size: '" + text + "'");
    };
    try {
      return Math.multiplyExact(number, 1L << shift);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("byte size too large: '" + text + "'", e);
    }
  }

  /** {@code 128MiB,256MiB,1GiB}: sizes separated by commas, in the order given. */
  public static List<Long> parseList(String text) {
    List<Long> sizes = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        sizes.add(parse(part));
      }
    }
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("no sizes in '" + text + "'");
    }
    return List.copyOf(sizes);
  }

  /** The shortest exact binary spelling: {@code 512MiB}, {@code 4GiB}, {@code 1536KiB}, {@code 1000B}. */
  public static String format(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    long value = bytes;
    while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + units[unit];
  }

  /** Picocli converter. */
  public static final class Converter implements picocli.CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
