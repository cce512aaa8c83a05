package dev.cclr.server.execution;

import java.util.Map;

/**
 * The analyses of Spark 4.2's AnalyzePlanRequest by field number (facts from Spark Connect's
 * published protocol), so that one this server leaves out is answered by name.
 */
final class AnalyzeMethods {

  private AnalyzeMethods() {}

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(4, "schema"), Map.entry(5, "explain"), Map.entry(6, "tree_string"),
      Map.entry(7, "is_local"), Map.entry(8, "is_streaming"), Map.entry(9, "input_files"),
      Map.entry(10, "spark_version"), Map.entry(11, "ddl_parse"), Map.entry(12, "same_semantics"),
      Map.entry(13, "semantic_hash"), Map.entry(14, "persist"), Map.entry(15, "unpersist"),
      Map.entry(16, "get_storage_level"), Map.entry(18, "json_to_ddl"));

  static String name(int fieldNumber) {
    return NAMES.getOrDefault(fieldNumber, "unknown");
  }
}
