package dev.cclr.server.config;

import java.util.function.LongPredicate;

/**
 * One configuration key the server knows, as Spark defines it.
 *
 * @param key the key
 * @param type how values are parsed and checked
 * @param defaultValue what Get answers while the key is unset, in Spark's format
 * @param isStatic true for server-wide confs that Set/Unset refuse and IsModifiable reports false
 * @param requirement a numeric check after parsing, or null
 * @param requirementText Spark's sentence for a value that fails {@code requirement}
 */
record ConfigEntry(
    String key,
    ConfigType type,
    String defaultValue,
    boolean isStatic,
    LongPredicate requirement,
    String requirementText) {

  static ConfigEntry session(String key, ConfigType type, String defaultValue) {
    return new ConfigEntry(key, type, defaultValue, false, null, null);
  }

  static ConfigEntry staticConf(String key, ConfigType type, String defaultValue) {
    return new ConfigEntry(key, type, defaultValue, true, null, null);
  }

  ConfigEntry requiring(LongPredicate check, String text) {
    return new ConfigEntry(key, type, defaultValue, isStatic, check, text);
  }
}
