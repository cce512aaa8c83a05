package dev.cclr.server.relations;

import dev.cclr.proto.Relation;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The relation kinds of Spark 4.2's Relation message by field number (facts from Spark Connect's
 * published protocol), so that a plan this server does not implement is answered by name. A kind
 * this server's protos leave out arrives as an unknown field of Relation.
 */
final class RelationKinds {

  private RelationKinds() {}

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(2, "read"),
      Map.entry(3, "project"),
      Map.entry(4, "filter"),
      Map.entry(5, "join"),
      Map.entry(6, "set_op"),
      Map.entry(7, "sort"),
      Map.entry(8, "limit"),
      Map.entry(9, "aggregate"),
      Map.entry(10, "sql"),
      Map.entry(11, "local_relation"),
      Map.entry(12, "sample"),
      Map.entry(13, "offset"),
      Map.entry(14, "deduplicate"),
      Map.entry(15, "range"),
      Map.entry(16, "subquery_alias"),
      Map.entry(17, "repartition"),
      Map.entry(18, "to_df"),
      Map.entry(19, "with_columns_renamed"),
      Map.entry(20, "show_string"),
      Map.entry(21, "drop"),
      Map.entry(22, "tail"),
      Map.entry(23, "with_columns"),
      Map.entry(24, "hint"),
      Map.entry(25, "unpivot"),
      Map.entry(26, "to_schema"),
      Map.entry(27, "repartition_by_expression"),
      Map.entry(28, "map_partitions"),
      Map.entry(29, "collect_metrics"),
      Map.entry(30, "parse"),
      Map.entry(31, "group_map"),
      Map.entry(32, "co_group_map"),
      Map.entry(33, "with_watermark"),
      Map.entry(34, "apply_in_pandas_with_state"),
      Map.entry(35, "html_string"),
      Map.entry(36, "cached_local_relation"),
      Map.entry(37, "cached_remote_relation"),
      Map.entry(38, "common_inline_user_defined_table_function"),
      Map.entry(39, "as_of_join"),
      Map.entry(40, "common_inline_user_defined_data_source"),
      Map.entry(41, "with_relations"),
      Map.entry(42, "transpose"),
      Map.entry(43, "unresolved_table_valued_function"),
      Map.entry(44, "lateral_join"),
      Map.entry(45, "chunked_cached_local_relation"),
      Map.entry(46, "relation_changes"),
      Map.entry(47, "nearest_by_join"),
      Map.entry(90, "fill_na"),
      Map.entry(91, "drop_na"),
      Map.entry(92, "replace"),
      Map.entry(100, "summary"),
      Map.entry(101, "crosstab"),
      Map.entry(102, "describe"),
      Map.entry(103, "cov"),
      Map.entry(104, "corr"),
      Map.entry(105, "approx_quantile"),
      Map.entry(106, "freq_items"),
      Map.entry(107, "sample_by"),
      Map.entry(200, "catalog"),
      Map.entry(300, "ml_relation"),
      Map.entry(998, "extension"),
      Map.entry(999, "unknown"));

  /** The kind's name, or "unknown" for a number Spark 4.2 does not define either. */
  static String name(int fieldNumber) {
    return NAMES.getOrDefault(fieldNumber, "unknown");
  }

  /** The field number of the relation kind carried as an unknown field, if any. */
  static OptionalInt unknownKind(Relation relation) {
    return relation.getUnknownFields().asMap().keySet().stream()
        .filter(n -> n != 1).mapToInt(Integer::intValue).findFirst();
  }
}
