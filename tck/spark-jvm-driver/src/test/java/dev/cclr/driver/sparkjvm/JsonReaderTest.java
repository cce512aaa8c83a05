package dev.cclr.driver.sparkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void readsWhatTheParityScenariosUse() {
    Object v = JsonReader.parse(" {\"a\": [1, -2.5e1, \"x\\n\\u00e9\\\"\", true, false, null], \"b\": {}, \"c\": []} ");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of("a", "b", "c"), List.copyOf(m.keySet()));
    assertEquals(Arrays.asList(1L, -25.0, "x\n\u00e9\"", true, false, null), m.get("a"));
    assertEquals(Map.of(), m.get("b"));
    assertEquals(List.of(), m.get("c"));
  }

  @Test
  void roundTripsWhatJsonWrites() {
    Map<String, Object> value = Map.of("k", List.of("tab\there", 3L, Map.of("n", true)));
    assertEquals(value, JsonReader.parse(Json.write(value)));
  }

  @Test
  void refusesMalformedText() {
    for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "\"open", "tru", "[1] 2", "{1: 2}", "-")) {
      assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
    }
  }
}
