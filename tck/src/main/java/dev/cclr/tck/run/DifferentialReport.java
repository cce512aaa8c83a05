package dev.cclr.tck.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code tck-differential.json} and prints where two targets' outcomes differed. */
final class DifferentialReport {
  static final String FILE = "tck-differential.json";

  private DifferentialReport() {}

  /**
   * @param versusImplementation what the second target turned out to be ({@code Target#implementation},
   *     e.g. a Spark server without an optional extra), since the expected differences depend on it
   */
  static void write(Map<String, List<String>> differences, RunConfiguration config, String versusImplementation,
      PrintStream out) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("target", dev.cclr.tck.client.ConnectUri.masked(config.target()));
    root.put("versus", dev.cclr.tck.client.ConnectUri.masked(config.versus().orElseThrow()));
    root.put("versusImplementation", versusImplementation);
    root.put("profile", config.profile().id());
    ObjectNode cases = root.putObject("differences");
    new TreeMap<>(differences).forEach((id, list) -> {
      var arr = cases.putArray(id);
      list.forEach(arr::add);
    });
    json.writeValue(config.reportDir().resolve(FILE).toFile(), root);
    out.println();
    out.println("differential: " + differences.size() + " case(s) where " + dev.cclr.tck.client.ConnectUri.masked(config.target())
        + " and " + dev.cclr.tck.client.ConnectUri.masked(config.versus().get()) + " (" + versusImplementation + ") answered differently");
    new TreeMap<>(differences).forEach((id, list) -> list.forEach(d -> out.println("  " + id + ": " + d)));
  }
}
