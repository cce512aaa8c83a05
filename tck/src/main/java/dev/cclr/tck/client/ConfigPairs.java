package dev.cclr.tck.client;

import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the key/value pairs of a ConfigResponse. */
public final class ConfigPairs {
  private ConfigPairs() {}

  /**
   * The pairs in response order; a key the server answered without a value (e.g. GetOption of an
   * unset key) maps to null. A key listed twice keeps its last value.
   */
  public static Map<String, String> asMap(ConfigResponse response) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (KeyValue pair : response.getPairsList()) {
      pairs.put(pair.getKey(), pair.hasValue() ? pair.getValue() : null);
    }
    return Collections.unmodifiableMap(pairs);
  }
}
