package dev.cclr.tck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DriverResultTest {

  /** A well-formed result as the real driver writes it, with extra fields spliced in. */
  static String validResult(String extra) {
    return """
        {
          "contractVersion": 1, "driver": "cclr-spark-jvm-driver", "clientVersion": "4.2.0",
          "serverVersion": "4.2.0", "scenario": "roundtrip", "schemaIn": "id BIGINT NOT NULL",
          "rowsIn": 3, "rowsOut": 3, "equal": true, "firstDifference": null, "count": 3,
          "schemaOut": "id BIGINT NOT NULL", "schemaEqual": true, "elapsedMs": 12,
          "timingsMs": {"createDataFrame": 5, "collect": 4},
          "exception": null, "closeException": null,
          "wire": {"calls": [
            {"seq": 0, "method": "ArtifactStatus", "status": "OK", "names": ["cache/s", "cache/a", "cache/b"]},
            {"seq": 1, "method": "AddArtifacts", "status": "OK", "crcMismatches": 0, "artifacts": [
              {"name": "cache/s", "form": "batch", "declaredBytes": 10, "sentBytes": 10, "pieces": 1},
              {"name": "cache/a", "form": "chunked", "declaredBytes": 70000, "sentBytes": 70000, "pieces": 3},
              {"name": "cache/b", "form": "batch", "declaredBytes": 9, "sentBytes": 8, "pieces": 1}]},
            {"seq": 2, "method": "ExecutePlan", "status": "OK", "relations": [
              {"kind": "chunked_cached_local_relation", "schemaHash": "s", "dataHashes": ["a", "b", "a"]}]},
            {"seq": 3, "method": "ExecutePlan", "status": "OK", "relations": [
              {"kind": "local_relation", "dataBytes": 100, "schema": "{}"},
              {"kind": "cached_local_relation", "hash": "h"}]}
          ]}%s
        }
        """.formatted(extra.isEmpty() ? "" : ", " + extra);
  }

  @Test
  void readsTheOutcomeFields() {
    DriverResult r = DriverResult.parse(validResult(""));
    assertEquals("roundtrip", r.scenario());
    assertEquals("4.2.0", r.clientVersion());
    assertEquals(OptionalLong.of(3), r.rowsOut());
    assertTrue(r.equal());
    assertTrue(r.schemaEqual());
    assertTrue(r.exception().isEmpty());
    assertEquals(5L, r.timingsMs().get("createDataFrame"));
  }

  @Test
  void readsTheWireSummary() {
    WireSummary w = DriverResult.parse(validResult("")).wire().orElseThrow();
    List<LocalDataRelation> rels = w.executedRelations();
    assertEquals(3, rels.size());
    assertTrue(rels.get(0).isChunked());
    assertEquals(List.of("a", "b", "a"), rels.get(0).dataHashes());
    assertTrue(rels.get(0).hasRepeatedHash());
    assertEquals("s", rels.get(0).schemaHash());
    assertTrue(rels.get(1).isInline());
    assertEquals(100L, rels.get(1).dataBytes());
    assertEquals(List.of("h"), rels.get(2).dataHashes());
    assertEquals(List.of("cache/s", "cache/a", "cache/b"), w.uploadedArtifactNames());
    assertEquals(List.of("cache/b"), w.incompleteUploads());
    assertEquals(0, w.indexOfFirst("ArtifactStatus"));
    assertEquals(2, w.indexOfFirst("ExecutePlan"));
    assertEquals(-1, w.indexOfFirst("Config"));
  }

  @Test
  void reportsTheExceptionWithItsErrorClass() {
    String json = validResult("").replace("\"exception\": null", """
        "exception": {"phase": "collect", "class": "org.apache.spark.SparkException", "message": "boom",
                      "errorClass": "INTERNAL_ERROR", "sqlState": "XX000"}""");
    DriverError e = DriverResult.parse(json).exception().orElseThrow();
    assertEquals(new DriverError("collect", "org.apache.spark.SparkException", "boom", "INTERNAL_ERROR", "XX000"), e);
  }

  @Test
  void rejectsResultsItCannotJudge() {
    assertThrows(IllegalArgumentException.class, () -> DriverResult.parse("{nope"));
    assertThrows(IllegalArgumentException.class, () -> DriverResult.parse("[]"));
    assertThrows(IllegalArgumentException.class,
        () -> DriverResult.parse(validResult("").replace("\"equal\": true,", "")));
    assertThrows(IllegalArgumentException.class,
        () -> DriverResult.parse(validResult("").replace("\"equal\": true", "\"equal\": \"yes\"")));
    assertThrows(IllegalArgumentException.class,
        () -> DriverResult.parse(validResult("").replace("\"contractVersion\": 1", "\"contractVersion\": 2")));
  }

  @Test
  void aResultWithoutWireHasNone() {
    String json = validResult("").replaceAll("(?s)\"wire\": \\{.*\\]\\}", "\"wire\": null");
    DriverResult r = DriverResult.parse(json);
    assertFalse(r.wire().isPresent());
  }
}
