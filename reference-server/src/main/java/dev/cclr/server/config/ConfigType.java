package dev.cclr.server.config;

import dev.cclr.server.errors.ErrorStyle;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * How Spark parses and checks one kind of configuration value. Spark stores the string as the
 * client sent it (Get returns " 12 " after Set " 12 ") and only checks that it parses, after
 * trimming; {@link #check} does the same.
 */
sealed interface ConfigType {

  /** Throws the SparkError Spark raises when {@code raw} is not a valid value of this type. */
  void check(String key, String raw, ErrorStyle style);

  /** Spark's intConf. */
  record IntType() implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {
      try {
        Integer.parseInt(raw.trim());
      } catch (NumberFormatException e) {
        throw ConfigErrors.typeMismatch(key, raw, "int");
      }
    }
  }

  /** Spark's longConf. */
  record LongType() implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {
      try {
        Long.parseLong(raw.trim());
      } catch (NumberFormatException e) {
        throw ConfigErrors.typeMismatch(key, raw, "long");
      }
    }
  }

  /** Spark's bytesConf(ByteUnit.BYTE). */
  record BytesType() implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {
      try {
        ByteSizes.parse(raw, style);
      } catch (NumberFormatException e) {
        throw ConfigErrors.typeMismatch(key, raw, "bytes in BYTE");
      }
    }
  }

  /** Spark's booleanConf: "true" or "false" in any case. */
  record BooleanType() implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {
      String v = raw.trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw ConfigErrors.typeMismatch(key, raw, "boolean");
      }
    }
  }

  /** Any string. */
  record StringType() implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {}
  }

  /**
   * A string with a fixed set of values, compared upper-cased. Some Spark confs quote the
   * upper-cased value in the error (they transform before checking), others the value as sent.
   */
  record EnumType(List<String> options, boolean errorShowsUpperCased) implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {
      String upper = raw.toUpperCase(Locale.ROOT);
      if (!options.contains(upper)) {
        throw ConfigErrors.outOfRangeOfOptions(key, errorShowsUpperCased ? upper : raw, String.join(", ", options));
      }
    }
  }

  /** spark.sql.session.timeZone: a region id, an offset, or a short id such as "PST". */
  record TimeZoneType() implements ConfigType {
    @Override
    public void check(String key, String raw, ErrorStyle style) {
      try {
        zoneOf(raw);
      } catch (DateTimeException e) {
        throw ConfigErrors.timeZone(key, raw);
      }
    }

    /** Spark's zone parsing: also accepts "+h:mm" and "+hh:m", which java.time does not. */
    static ZoneId zoneOf(String id) {
      String normalised = id.replaceFirst("([+\\-])(\\d):", "$10$2:")
          .replaceFirst("([+\\-])(\\d\\d):(\\d)$", "$1$2:0$3");
      return ZoneId.of(normalised, ZoneId.SHORT_IDS);
    }
  }
}
