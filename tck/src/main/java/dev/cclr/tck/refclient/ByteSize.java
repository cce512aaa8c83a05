package dev.cclr.tck.refclient;

import java.util.Locale;

/** Byte sizes as spec §9.1 writes them: a plain integer, or one with a unit (powers of 1024). */
public final class ByteSize {
  private ByteSize() {}

  /** {@code 1048576}, {@code 1024k}, {@code 3g}, {@code 3221225472b}; units b, k(b), m(b), g(b), t(b), p(b), any case. */
  public static long parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int end = s.length();
    while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
      end--;
    }
    long number = Long.parseLong(s.substring(0, end).trim());
    int shift = switch (s.substring(end)) {
      case "", "b" -> 0;
      case "k", "kb" -> 10;
      case "m", "mb" -> 20;
      case "g", "gb" -> 30;
      case "t", "tb" -> 40;
      case "p", "pb" -> 50;
      default -> throw new IllegalArgumentException("not a byte size: " + text);
    };
    return Math.multiplyExact(number, 1L << shift);
  }
}
