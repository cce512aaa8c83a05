package dev.cclr.tck.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parity suite's judgement on hand-made answers: no servers needed. */
class ParityComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SCENARIOS = List.of("same", "other");

  private static Map<String, JsonNode> answers(String same, String other) throws Exception {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    m.put("same", JSON.readTree(same));
    if (other != null) {
      m.put("other", JSON.readTree(other));
    }
    return m;
  }

  @Test
  void equalAnswersHaveNoProblems() throws Exception {
    ParityComparison c = new ParityComparison(SCENARIOS, Map.of());
    assertEquals(List.of(), c.problems(answers("{\"result\":{\"count\":1}}", "{\"result\":1}"),
        answers("{\"result\":{\"count\":1}}", "{\"result\":1}")));
    assertEquals("none", c.listedProtections());
  }

  @Test
  void anUnlistedDifferenceIsAProblemShowingBothAnswers() throws Exception {
    List<String> problems = new ParityComparison(SCENARIOS, Map.of()).problems(
        answers("{\"a\":1}", "{\"error\":{\"errorClass\":\"X\"}}"), answers("{\"a\":1}", "{\"error\":{\"errorClass\":\"Y\"}}"));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("other differs:"), problems::toString);
    assertTrue(problems.get(0).contains("\"X\"") && problems.get(0).contains("\"Y\""), problems::toString);
  }

  @Test
  void aListedDifferenceIsAllowed() throws Exception {
    ParityComparison c = new ParityComparison(SCENARIOS, Map.of("other", "a reason"));
    assertEquals(List.of(), c.problems(answers("{}", "1"), answers("{}", "2")));
    assertEquals("other (a reason)", c.listedProtections());
  }

  @Test
  void aListedScenarioThatNoLongerDiffersIsAProblem() throws Exception {
    List<String> problems = new ParityComparison(SCENARIOS, Map.of("other", "a reason")).problems(
        answers("{}", "1"), answers("{}", "1"));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("no longer differs"), problems::toString);
  }

  @Test
  void aMissingOrUnknownAnswerIsAProblem() throws Exception {
    Map<String, JsonNode> extra = answers("{}", "1");
    extra.put("stray", JSON.readTree("1"));
    List<String> problems = new ParityComparison(SCENARIOS, Map.of()).problems(extra, answers("{}", null));
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("stray answered but is not a scenario")), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("other differs:") && p.contains("(no answer)")), problems::toString);
  }
}
