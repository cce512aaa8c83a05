package dev.cclr.tck.run;

import dev.cclr.tck.cases.Op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.arrow.CanonicalColumn;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.cases.Observation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The differential comparison notices each kind of difference it claims to, and only those. */
class DifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Observation error(String errorClass, String params, String message) throws Exception {
    ObjectNode data = (ObjectNode) JSON.readTree("{\"error\":{\"code\":\"INTERNAL\",\"errorClass\":\"" + errorClass
        + "\",\"sqlState\":\"56K00\",\"messageParameters\":" + params + ",\"message\":\"" + message + "\"}}");
    return new Observation(Op.EXECUTE, data, Optional.empty());
  }

  private static Observation rows(long... values) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (long v : values) {
      rows.add(List.of(v));
    }
    CanonicalTable t = new CanonicalTable(List.of(new CanonicalColumn("id", "Int(64, true)", true, List.of())), rows);
    return new Observation(Op.EXECUTE, JSON.createObjectNode().put("rowCount", values.length), Optional.of(t));
  }

  @Test
  void sameOutcomesDoNotDifferEvenWhenMessagesAreWordedDifferently() throws Exception {
    assertEquals(List.of(), Differential.compare(List.of(error("A", "{}", "one text")), List.of(error("A", "{}", "other text"))));
    assertEquals(List.of(), Differential.compare(List.of(rows(1, 2)), List.of(rows(1, 2))));
  }

  @Test
  void errorClassParametersRowsAndKindsDiffer() throws Exception {
    assertTrue(Differential.compare(List.of(error("A", "{}", "m")), List.of(error("B", "{}", "m"))).get(0).contains("errorClass"));
    assertTrue(Differential.compare(List.of(error("A", "{\"limit\":\"1\"}", "m")), List.of(error("A", "{\"limit\":\"2\"}", "m")))
        .get(0).contains("messageParameters"));
    assertTrue(Differential.compare(List.of(rows(1, 2)), List.of(rows(1, 3))).get(0).contains("row 1"));
    assertTrue(Differential.compare(List.of(rows(1)), List.of(error("A", "{}", "m"))).get(0).contains("success vs error"));
    assertEquals(1, Differential.compare(List.of(rows(1), rows(2)), List.of(rows(1))).size());
  }

  private static Observation streamed(long sum, long resultBytes) throws Exception {
    return new Observation(Op.EXECUTE, (ObjectNode) JSON.readTree("{\"rowCount\":3,\"checksum\":{\"column\":\"id\",\"sum\":\""
        + sum + "\"},\"resultBytes\":" + resultBytes + "}"), Optional.empty());
  }

  @Test
  void streamedResultsDifferByRowsAndChecksumNotByTheirBatchingsBytes() throws Exception {
    assertEquals(List.of(), Differential.compare(List.of(streamed(6, 2033416)), List.of(streamed(6, 2031544))));
    assertEquals(List.of("step 1 (execute): {\"rowCount\":3,\"checksum\":{\"column\":\"id\",\"sum\":\"6\"},\"resultBytes\":10}"
        + " vs {\"rowCount\":3,\"checksum\":{\"column\":\"id\",\"sum\":\"7\"},\"resultBytes\":10}"),
        Differential.compare(List.of(streamed(6, 10)), List.of(streamed(7, 10))));
  }
}
