package dev.cclr.tck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.server.relations.PlannerOptions;
import dev.cclr.server.relations.PlanningContext;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.relations.RelationPlanner;
import dev.cclr.server.relations.SchemaReader;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.StructField;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Server mutants planted in the reference server's own code paths, not in its messages: each is
 * the reference planner built with one faulty part (a schema reader with a wrong default, a
 * planning context that loses the session time zone), the kind of bug a third party writing its
 * own server makes. The self-test starts the embedded server with the faulty planner.
 */
public final class CodeMutants {

  /** A planner with one planted bug, and the requirements whose cases must catch it. */
  public record CodeMutant(String id, String deviation, Set<String> caughtBy, Supplier<RelationPlanner> planner) {
    public CodeMutant {
      caughtBy = Set.copyOf(caughtBy);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A bare DECIMAL, DEC or NUMERIC type name (no precision after it), in DDL or as a JSON type string. */
  private static final Pattern BARE_DECIMAL = Pattern.compile("(?i)\\b(decimal|dec|numeric)\\b(?!\\s*\\()");

  private static final List<CodeMutant> ALL = List.of(
      new CodeMutant("code-zone-utc", "converts and labels timestamps in UTC instead of the session time zone",
          Set.of("SRV-SEM-005", "SRV-SEM-007"),
          () -> {
            RelationPlanner real = new ReferenceRelationPlanner();
            return (relation, context) -> real.plan(relation, new UtcContext(context));
          }),
      new CodeMutant("code-bare-decimal-38-18", "reads a bare DECIMAL as decimal(38,18) (Spark's system default) instead of decimal(10,0)",
          Set.of("SRV-SCH-002", "SRV-SEM-005"),
          () -> withReader(s -> SchemaReader.SPARK.read(BARE_DECIMAL.matcher(s).replaceAll("decimal(38,18)")))),
      new CodeMutant("code-nested-not-null-lost", "keeps NOT NULL only on top-level columns; nested struct fields become nullable",
          Set.of("SRV-SCH-002", "SRV-SEM-006", "SRV-SEM-008"),
          () -> withReader(s -> topLevelOnlyNotNull(SchemaReader.SPARK.read(s)))),
      new CodeMutant("code-json-nullable-default-false", "reads a JSON struct field without \"nullable\" as not nullable",
          Set.of("SRV-SCH-002"),
          () -> withReader(s -> SchemaReader.SPARK.read(nullableDefaultFalse(s)))));

  private CodeMutants() {}

  public static List<CodeMutant> all() {
    return ALL;
  }

  public static Optional<CodeMutant> find(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static RelationPlanner withReader(SchemaReader reader) {
    return new ReferenceRelationPlanner(PlannerOptions.DEFAULT, reader);
  }

  private static SparkType.StructType topLevelOnlyNotNull(SparkType.StructType schema) {
    return new SparkType.StructType(schema.fields().stream().map(f -> f.withType(allNullable(f.type()))).toList());
  }

  private static SparkType allNullable(SparkType type) {
    if (type instanceof SparkType.StructType s) {
      return new SparkType.StructType(s.fields().stream()
          .map(f -> new StructField(f.name(), allNullable(f.type()), true, f.metadataJson())).toList());
    }
    if (type instanceof SparkType.ArrayType a) {
      return new SparkType.ArrayType(allNullable(a.elementType()), a.containsNull());
    }
    if (type instanceof SparkType.MapType m) {
      return new SparkType.MapType(allNullable(m.keyType()), allNullable(m.valueType()), m.valueContainsNull());
    }
    return type;
  }

  /** The JSON text with "nullable": false added to every struct field that leaves it out; other text unchanged. */
  private static String nullableDefaultFalse(String schema) {
    JsonNode root;
    try {
      root = JSON.readTree(schema);
    } catch (java.io.IOException | RuntimeException notJson) {
      return schema;
    }
    if (root == null || !root.isObject()) {
      return schema;
    }
    addNullableFalse(root);
    return root.toString();
  }

  private static void addNullableFalse(JsonNode node) {
    if (node.isObject()) {
      if (node.has("name") && node.has("type") && !node.has("nullable")) {
        ((ObjectNode) node).put("nullable", false);
      }
      node.forEach(CodeMutants::addNullableFalse);
    } else if (node.isArray()) {
      node.forEach(CodeMutants::addNullableFalse);
    }
  }

  /** The session's context except for its time zone, which it reports as UTC. */
  private record UtcContext(PlanningContext session) implements PlanningContext {
    @Override public dev.cclr.server.relations.BlobLookup blobs() { return session.blobs(); }
    @Override public long localRelationSizeLimit() { return session.localRelationSizeLimit(); }
    @Override public long localRelationChunkSizeLimit() { return session.localRelationChunkSizeLimit(); }
    @Override public String serverSideSessionId() { return session.serverSideSessionId(); }
    @Override public String sessionTimeZone() { return "UTC"; }
    @Override public java.time.ZoneId sessionZone() { return java.time.ZoneOffset.UTC; }
    @Override public boolean useLargeVarTypes() { return session.useLargeVarTypes(); }
    @Override public org.apache.arrow.memory.BufferAllocator allocator() { return session.allocator(); }
  }
}
