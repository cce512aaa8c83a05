package dev.cclr.server.schema.ddl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collation names the reference server accepts in {@code STRING COLLATE name}: Spark's
 * built-in UTF8_BINARY and UTF8_LCASE and the root UNICODE family with its case/accent/trim
 * modifiers. Names are case-insensitive and come back in Spark's canonical spelling (default
 * modifiers dropped). ICU locale collations (e.g. {@code de_CI}) are not known here.
 */
public final class Collations {

  private static final Pattern UTF8 =
      Pattern.compile("(UTF8_BINARY|UTF8_LCASE)(_RTRIM)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNICODE =
      Pattern.compile("UNICODE(_(CS|CI))?(_(AS|AI))?(_RTRIM)?", Pattern.CASE_INSENSITIVE);

  private Collations() {}

  /** The canonical name, or null when the name is not a known collation. */
  public static String canonicalName(String name) {
    Matcher m = UTF8.matcher(name);
    if (m.matches()) {
      return name.toUpperCase(Locale.ROOT);
    }
    m = UNICODE.matcher(name);
    if (m.matches()) {
      StringBuilder b = new StringBuilder("UNICODE");
      if ("CI".equalsIgnoreCase(m.group(2))) {
        b.append("_CI");
      }
      if ("AI".equalsIgnoreCase(m.group(4))) {
        b.append("_AI");
      }
      if (m.group(5) != null) {
        b.append("_RTRIM");
      }
      return b.toString();
    }
    return null;
  }
}
