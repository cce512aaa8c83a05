package dev.cclr.driver.sparkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesNestedValuesWithEscapes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\nd\u0001é🙂");
    m.put("n", 42L);
    m.put("nan", Double.NaN);
    m.put("t", true);
    m.put("z", null);
    m.put("l", List.of(1, "x"));
    m.put("e", Map.of());
    String expected = "{\n"
        + "  \"s\": \"a\\\"b\\\\c\\nd\\u0001é🙂\",\n"
        + "  \"n\": 42,\n"
        + "  \"nan\": \"NaN\",\n"
        + "  \"t\": true,\n"
        + "  \"z\": null,\n"
        + "  \"l\": [\n    1,\n    \"x\"\n  ],\n"
        + "  \"e\": {}\n"
        + "}\n";
    assertEquals(expected, Json.write(m));
  }

  @Test
  void escapesLoneSurrogatesAndRejectsUnknownTypes() {
    assertEquals("\"\\ud800x\"\n", Json.write("\ud800x"));
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
  }
}
