package dev.cclr.tck.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.arrow.TableComparator;
import dev.cclr.tck.cases.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what two targets answered to the same steps. Rows are compared strictly (names, types,
 * nullability, values); errors by gRPC code, error class, SQLSTATE and message parameters, with
 * session-specific values already normalised by the runner. Message texts are not compared: they
 * are for people, and Spark versions word them differently; nor are the Arrow bytes of a streamed
 * result ({@link Observation#comparableData()}), which follow the server's batching.
 */
public final class Differential {
  private static final String[] ERROR_FIELDS = {"code", "errorClass", "sqlState", "messageParameters"};

  private Differential() {}

  public static List<String> compare(List<Observation> a, List<Observation> b) {
    List<String> out = new ArrayList<>();
    if (a.size() != b.size()) {
      out.add("ran " + a.size() + " steps on one target and " + b.size() + " on the other");
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String d = compare(a.get(i), b.get(i));
      if (d != null) {
        out.add("step " + (i + 1) + " (" + a.get(i).op() + "): " + d);
      }
    }
    return out;
  }

  static String compare(Observation a, Observation b) {
    if (a.isError() != b.isError()) {
      return (a.isError() ? "error" : "success") + " vs " + (b.isError() ? "error" : "success") + ": " + a.render() + " | " + b.render();
    }
    if (a.isError()) {
      JsonNode ea = a.data().get("error");
      JsonNode eb = b.data().get("error");
      for (String f : ERROR_FIELDS) {
        if (!ea.path(f).equals(eb.path(f))) {
          return f + " " + ea.path(f) + " vs " + eb.path(f);
        }
      }
      return null;
    }
    if (a.table().isPresent() || b.table().isPresent()) {
      if (a.table().isEmpty() || b.table().isEmpty()) {
        return "rows on one side only";
      }
      return TableComparator.strict().compare(a.table().get(), b.table().get()).map(Object::toString).orElse(null);
    }
    return a.comparableData().equals(b.comparableData()) ? null : a.data() + " vs " + b.data();
  }
}
