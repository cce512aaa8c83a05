package dev.cclr.tck.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kit's packages form no cycle: every reference from one package of {@code dev.cclr.tck} to
 * another (an import or a qualified name in the main sources) is an edge, and no strongly connected
 * component may hold more than one package. A cycle means two packages can only be understood, and
 * split into modules, together. Run it alone with {@code ./mvnw -pl tck test -Dtest=PackageCyclesTest}.
 */
class PackageCyclesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String ROOT = "dev.cclr.tck";
  private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.cclr\\.tck(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");

  @Test
  void thePackagesOfTheKitFormNoCycle() throws IOException {
    Map<String, Set<String>> edges = dependencies();
    assertTrue(edges.size() > 10, "found only " + edges.keySet());
    List<Set<String>> cycles = new ArrayList<>();
    for (Set<String> component : stronglyConnected(edges)) {
      if (component.size() > 1) {
        cycles.add(component);
      }
    }
    assertEquals(List.of(), cycles, "package cycles (each set depends on itself through its members): " + describe(cycles, edges));
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> edges = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
    List<Set<String>> big = stronglyConnected(edges).stream().filter(s -> s.size() > 1).toList();
    assertEquals(List.of(new TreeSet<>(Set.of("a", "b", "c"))), big);
  }

  static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> edges = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String from = MAIN.relativize(file.getParent()).toString().replace('/', '.');
        if (!from.startsWith(ROOT)) {
          continue;
        }
        Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          String pkg = m.group(1);
          if (!pkg.equals(from)) {
            to.add(pkg);
          }
        }
      }
    }
    return edges;
  }

  /** Tarjan's algorithm; components as sorted sets. */
  static List<Set<String>> stronglyConnected(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new java.util.HashSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        visit(v, edges, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void visit(String v, Map<String, Set<String>> edges, Map<String, Integer> index, Map<String, Integer> low,
      Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        visit(w, edges, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      out.add(component);
    }
  }

  private static String describe(List<Set<String>> cycles, Map<String, Set<String>> edges) {
    StringBuilder s = new StringBuilder();
    for (Set<String> cycle : cycles) {
      s.append("\n  ").append(cycle).append(':');
      for (String p : cycle) {
        for (String q : edges.getOrDefault(p, Set.of())) {
          if (cycle.contains(q)) {
            s.append("\n    ").append(p).append(" -> ").append(q);
          }
        }
      }
    }
    return s.toString();
  }
}
