package dev.cclr.tck.parity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the answers of one client's scenarios on Spark and on the reference server, given the
 * listed protections (scenario name to reason). Problems are: a scenario without exactly one
 * answer on each side, a difference that is not listed, and a listed scenario that no longer
 * differs (so the list cannot go stale).
 */
final class ParityComparison {

  private final List<String> scenarios;
  private final Map<String, String> protections;

  ParityComparison(List<String> scenarios, Map<String, String> protections) {
    this.scenarios = List.copyOf(scenarios);
    this.protections = Map.copyOf(protections);
  }

  /** The scenarios whose answers differ, each with both answers. */
  Map<String, String> differences(Map<String, JsonNode> spark, Map<String, JsonNode> reference) {
    Map<String, String> out = new TreeMap<>();
    for (String name : scenarios) {
      JsonNode s = spark.get(name);
      JsonNode r = reference.get(name);
      if (s == null || r == null || !s.equals(r)) {
        out.put(name, "\n    Spark 4.2.0:      " + (s == null ? "(no answer)" : s)
            + "\n    reference server: " + (r == null ? "(no answer)" : r));
      }
    }
    return out;
  }

  /** Everything wrong, one entry per scenario; empty when the servers agree but for the listed protections. */
  List<String> problems(Map<String, JsonNode> spark, Map<String, JsonNode> reference) {
    List<String> problems = new ArrayList<>();
    for (Map<String, JsonNode> side : List.of(spark, reference)) {
      for (String name : side.keySet()) {
        if (!scenarios.contains(name)) {
          problems.add(name + " answered but is not a scenario of the file");
        }
      }
    }
    Map<String, String> differing = differences(spark, reference);
    differing.forEach((name, both) -> {
      if (!protections.containsKey(name)) {
        problems.add(name + " differs:" + both);
      }
    });
    for (String listed : new TreeMap<>(protections).keySet()) {
      if (!scenarios.contains(listed)) {
        problems.add(listed + " is listed as a protection but is no scenario of the file");
      } else if (!differing.containsKey(listed)) {
        problems.add(listed + " is listed as a protection (" + protections.get(listed)
            + ") but no longer differs: remove it from the list\n    both: " + spark.get(listed));
      }
    }
    return problems;
  }

  /** The listed protections that concern these scenarios, with their reasons, for the test output. */
  String listedProtections() {
    List<String> listed = scenarios.stream().filter(protections::containsKey)
        .map(p -> p + " (" + protections.get(p) + ")").toList();
    return listed.isEmpty() ? "none" : String.join("; ", listed);
  }
}
