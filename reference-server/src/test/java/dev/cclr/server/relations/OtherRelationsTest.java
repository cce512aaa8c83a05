package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import dev.cclr.proto.Aggregate;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.DataType;
import dev.cclr.proto.Expression;
import dev.cclr.proto.Limit;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Range;
import dev.cclr.proto.Relation;
import dev.cclr.proto.RelationCommon;
import dev.cclr.server.errors.SparkError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LocalRelation, CachedLocalRelation, Limit, count() and Range, as Spark 4.2.0 answers them. */
class OtherRelationsTest extends PlannerTestBase {

  private static String text(DataType t) {
    return TextFormat.printer().emittingSingleLine(true).printToString(t);
  }

  @Test
  void aRelationWithoutTypeIsAnInvalidPlan() {
    for (Relation r : List.of(Relation.getDefaultInstance(), Relation.newBuilder()
        .setCommon(RelationCommon.newBuilder().setPlanId(7)).build(),
        Relation.newBuilder().setLimit(Limit.newBuilder().setLimit(1)).build())) {
      SparkError e = planningError(r);
      assertError(e, "CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET", "56K00",
          Map.of("fullName", "spark.connect.Relation", "name", "RELTYPE_NOT_SET"),
          "This oneOf field in spark.connect.Relation is not set: RELTYPE_NOT_SET");
      assertTrue(e.internalErrorIn41());
    }
  }

  @Test
  void localRelationWithDataOnlyKeepsArrowNames() {
    assertEquals("[[4]]", rows(local(null, Ipc.ints(allocator, "x", true, 4))).toString());
  }

  @Test
  void localRelationWithDataAndSchemaRenamesAndCasts() {
    try (RelationResult r = planner.plan(local("y long", Ipc.ints(allocator, "x", true, 4)),
        context)) {
      assertEquals("Schema<y: Int(64, true)>", r.arrowSchema().toString());
      assertEquals("[[4]]", ResultRows.drain(r).toString());
    }
  }

  @Test
  void localRelationWithOnlyASchemaIsEmpty() {
    try (RelationResult r = planner.plan(local("a int, b string", null), context)) {
      assertEquals("struct { fields { name: \"a\" data_type { integer { } } nullable: true } "
          + "fields { name: \"b\" data_type { string { } } nullable: true } }",
          text(r.sparkSchema()));
      assertNull(r.nextBatch());
    }
  }

  @Test
  void localRelationWithNothingNeedsASchema() {
    assertError(planningError(local(null, null)),
        "CONNECT_INVALID_PLAN.SCHEMA_REQUIRED_FOR_LOCAL_RELATION", "56K00", Map.of(),
        "Schema for LocalRelation is required when the input data is not provided.");
  }

  @Test
  void localRelationWithBadDataFailsLikeAChunk() {
    assertEquals("Unexpected end of stream trying to read message.",
        planningError(local(null, "junk".getBytes())).text());
    assertEquals("Unexpected end of input. Missing schema.",
        planningError(local(null, new byte[0])).text());
  }

  @Test
  void schemaOnlyCharOrVarcharFailsSparksPlanCheck() {
    SparkError e = planningError(local("t varchar(3)", null));
    assertEquals("INTERNAL_ERROR", e.errorClass());
    assertEquals("XX000", e.sqlState());
    assertTrue(e.text().matches("Logical plan should not have output of char/varchar type when "
        + "spark.sql.preserveCharVarcharTypeInfo is false: LocalRelation <empty>, \\[t#\\d+]\n"),
        e.text());
    assertEquals("org.apache.spark.SparkException", e.reason());
  }

  @Test
  void timeColumnsFailWhenExecutedNotWhenAnalysed() {
    try (RelationResult r = planner.plan(local("t time", null), context)) {
      assertEquals("struct { fields { name: \"t\" data_type { time { precision: 6 } } "
          + "nullable: true } }", text(r.sparkSchema()));
      SparkError e = assertThrows(SparkError.class, r::nextBatch);
      assertError(e, "UNSUPPORTED_TIME_TYPE", "0A000", Map.of(),
          "The data type TIME is not supported.");
    }
  }

  @Test
  void cachedLocalRelationReadsASerializedLocalRelation() {
    blobs.put("lr", LocalRelation.newBuilder().setSchema("z int")
        .setData(com.google.protobuf.ByteString.copyFrom(Ipc.ints(allocator, "x", true, 8, 9)))
        .build().toByteArray());
    assertEquals("[[8], [9]]", rows(cached("lr")).toString());
  }

  @Test
  void cachedLocalRelationErrors() {
    assertError(planningError(cached("nope")),
        "CONNECT_INVALID_PLAN.CANNOT_FIND_CACHED_LOCAL_RELATION", "56K00", Map.of("hash", "nope"),
        "Cannot find a cached local relation for hash: nope");
    blobs.put("ipc", Ipc.ints(allocator, "x", true, 1, 2, 3));
    SparkError e = planningError(cached("ipc"));
    assertEquals("org.sparkproject.connect.protobuf.InvalidProtocolBufferException"
        + "$InvalidWireTypeException", e.reason());
    assertEquals("Protocol message tag had invalid wire type.", e.text());
    assertNull(e.errorClass());
    blobs.put("empty", new byte[0]);
    assertEquals("CONNECT_INVALID_PLAN.SCHEMA_REQUIRED_FOR_LOCAL_RELATION",
        planningError(cached("empty")).errorClass());
  }

  private static Relation cached(String hash) {
    return Relation.newBuilder()
        .setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(hash)).build();
  }

  private static Relation limit(Relation input, int n) {
    return Relation.newBuilder().setLimit(Limit.newBuilder().setInput(input).setLimit(n)).build();
  }

  @Test
  void limitTakesTheFirstRowsAcrossChunks() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1, 2, 3));
    assertEquals(Arrays.asList(1, 2, 3, 1),
        ResultRows.column(rows(limit(chunked(null, "d", "d", "d"), 4)), 0));
    assertEquals(List.of(), rows(limit(chunked(null, "d"), 0)));
    assertEquals(3, rows(limit(chunked(null, "d"), 100)).size());
  }

  @Test
  void negativeLimitIsAnAnalysisError() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1));
    SparkError e = planningError(limit(chunked(null, "d"), -1));
    assertError(e, "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
        Map.of("name", "limit", "expr", "\"-1\"", "v", "-1"),
        "The limit like expression \"-1\" is invalid. The limit expression must be equal to or "
            + "greater than 0, but got -1.");
    assertEquals("org.apache.spark.sql.catalyst.ExtendedAnalysisException", e.reason());
  }

  private static Expression literal(int i) {
    return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setInteger(i))
        .build();
  }

  private static Expression count(boolean distinct, Expression... args) {
    return Expression.newBuilder().setUnresolvedFunction(Expression.UnresolvedFunction
        .newBuilder().setFunctionName("count").setIsDistinct(distinct)
        .addAllArguments(Arrays.asList(args))).build();
  }

  private static Expression alias(Expression e, String name) {
    return Expression.newBuilder()
        .setAlias(Expression.Alias.newBuilder().setExpr(e).addName(name)).build();
  }

  private static Relation aggregate(Relation input, Aggregate.GroupType type,
      Expression... expressions) {
    return Relation.newBuilder().setAggregate(Aggregate.newBuilder().setInput(input)
        .setGroupType(type).addAllAggregateExpressions(Arrays.asList(expressions))).build();
  }

  @Test
  void theJvmClientsCountIsOneBigintRow() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1, null, 3));
    Relation r = aggregate(chunked(null, "d", "d"), Aggregate.GroupType.GROUP_TYPE_GROUPBY,
        alias(count(false, literal(1)), "count"));
    try (RelationResult result = planner.plan(r, context)) {
      assertEquals("struct { fields { name: \"count\" data_type { long { } } } }",
          text(result.sparkSchema()));
      assertEquals("Schema<count: Int(64, true) not null>", result.arrowSchema().toString());
      assertEquals("[[6]]", ResultRows.drain(result).toString());
    }
  }

  @Test
  void unaliasedCountsAreNamedAsSparkNamesThem() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1, null, 3));
    Expression star = Expression.newBuilder()
        .setUnresolvedStar(Expression.UnresolvedStar.getDefaultInstance()).build();
    Expression nullLiteral = Expression.newBuilder().setLiteral(Expression.Literal.newBuilder()
        .setNull(DataType.newBuilder().setNull(DataType.NULL.getDefaultInstance()))).build();
    Expression column = Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier("X")).build();
    Expression string = Expression.newBuilder()
        .setLiteral(Expression.Literal.newBuilder().setString("a")).build();
    Relation r = aggregate(chunked(null, "d"), Aggregate.GroupType.GROUP_TYPE_GROUPBY,
        count(false, literal(1)), count(false, star), count(false, nullLiteral),
        count(true, literal(1)), count(false, column), count(false, string));
    try (RelationResult result = planner.plan(r, context)) {
      String schema = text(result.sparkSchema());
      // count(X) over the column x keeps the spelling of the expression (Spark 4.2.0 and 4.1.2,
      // wrapper-count-aggregate).
      for (String name : List.of("count(1)", "count(NULL)", "count(DISTINCT 1)", "count(X)",
          "count(a)")) {
        assertTrue(schema.contains("name: \"" + name + "\" data_type { long { } } metadata: "
            + "\"{\\\"__autoGeneratedAlias\\\":\\\"true\\\"}\""), name + " in " + schema);
      }
      assertEquals("[[3, 3, 0, 1, 2, 3]]", ResultRows.drain(result).toString());
    }
  }

  @Test
  void countOverAnEmptyRelationIsZero() {
    Relation r = aggregate(local("a int", null), Aggregate.GroupType.GROUP_TYPE_GROUPBY,
        alias(count(false, literal(1)), "count"), count(true, literal(1)));
    assertEquals("[[0, 0]]", rows(r).toString());
  }

  @Test
  void countShapeErrorsAreSparks() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1));
    assertError(planningError(aggregate(chunked(null, "d"),
        Aggregate.GroupType.GROUP_TYPE_UNSPECIFIED, count(false, literal(1)))),
        "CONNECT_INVALID_PLAN.INVALID_ENUM", "56K00", Map.of("fullName",
            "spark.connect.Aggregate.GroupType", "name", "GROUP_TYPE_UNSPECIFIED", "number", "0"),
        "This enum value of spark.connect.Aggregate.GroupType is invalid: "
            + "GROUP_TYPE_UNSPECIFIED(0)");
    assertEquals("WRONG_NUM_ARGS.WITH_SUGGESTION", planningError(aggregate(chunked(null, "d"),
        Aggregate.GroupType.GROUP_TYPE_GROUPBY, count(false))).errorClass());
    SparkError unsupported = planningError(aggregate(chunked(null, "d"),
        Aggregate.GroupType.GROUP_TYPE_GROUPBY, Expression.newBuilder().setUnresolvedFunction(
            Expression.UnresolvedFunction.newBuilder().setFunctionName("sum")
                .addArguments(literal(1))).build()));
    // Spark answers sum(1); this server does not implement it: UNIMPLEMENTED (SRV-WRP-005).
    assertEquals("CCLR_UNSUPPORTED_RELATION", unsupported.errorClass());
    assertEquals(io.grpc.Status.Code.UNIMPLEMENTED, unsupported.code());
    assertTrue(unsupported.text().contains("other than count(...) is not implemented"), unsupported.text());
  }

  @Test
  void groupedCountsAreUnimplementedNotInvalid() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1));
    Expression x = Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier("x")).build();
    Relation grouped = Relation.newBuilder().setAggregate(Aggregate.newBuilder()
        .setInput(chunked(null, "d")).setGroupType(Aggregate.GroupType.GROUP_TYPE_GROUPBY)
        .addGroupingExpressions(x).addAggregateExpressions(count(false, literal(1)))).build();
    SparkError byX = planningError(grouped);
    assertEquals(io.grpc.Status.Code.UNIMPLEMENTED, byX.code());
    assertEquals("CCLR_UNSUPPORTED_RELATION", byX.errorClass());
    assertEquals("grouping expressions", byX.messageParameters().get("detail"));
    SparkError rollup = planningError(aggregate(chunked(null, "d"),
        Aggregate.GroupType.GROUP_TYPE_ROLLUP, count(false, literal(1))));
    assertEquals(io.grpc.Status.Code.UNIMPLEMENTED, rollup.code());
    assertEquals("group type GROUP_TYPE_ROLLUP", rollup.messageParameters().get("detail"));
  }

  private static Relation range(Long start, long end, long step, Integer partitions) {
    Range.Builder b = Range.newBuilder().setEnd(end).setStep(step);
    if (start != null) {
      b.setStart(start);
    }
    if (partitions != null) {
      b.setNumPartitions(partitions);
    }
    return Relation.newBuilder().setRange(b).build();
  }

  @Test
  void rangeMatchesSpark() {
    assertEquals(Arrays.asList(0L, 1L, 2L, 3L, 4L),
        ResultRows.column(rows(range(0L, 5, 1, null)), 0));
    assertEquals(Arrays.asList(0L, 2L, 4L), ResultRows.column(rows(range(null, 5, 2, null)), 0));
    assertEquals(Arrays.asList(5L, 3L, 1L), ResultRows.column(rows(range(5L, 0, -2, null)), 0));
    assertEquals(List.of(), rows(range(5L, 0, 1, null)));
    assertEquals(Arrays.asList(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1),
        ResultRows.column(rows(range(Long.MAX_VALUE - 2, Long.MAX_VALUE, 1, null)), 0));
    assertEquals(20000, rows(range(0L, 20000, 1, null)).size());
    try (RelationResult r = planner.plan(range(0L, 1, 1, null), context)) {
      assertEquals("struct { fields { name: \"id\" data_type { long { } } } }",
          text(r.sparkSchema()));
    }
  }

  @Test
  void rangeErrors() {
    SparkError step = planningError(range(0L, 5, 0, null));
    assertEquals("requirement failed: step (0) cannot be 0", step.text());
    assertEquals("java.lang.IllegalArgumentException", step.reason());
    try (RelationResult r = planner.plan(range(0L, 2, 1, 0), context)) {
      assertEquals("Positive number of partitions required",
          assertThrows(SparkError.class, r::nextBatch).text());
    }
  }

  @Test
  void countOfAColumnNamedTwiceIsAmbiguous() {
    Relation twice = Relation.newBuilder().setToDf(dev.cclr.proto.ToDF.newBuilder()
        .setInput(local("x INT, y INT", null)).addColumnNames("a").addColumnNames("a")).build();
    Expression a = Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier("a")).build();
    SparkError e = planningError(aggregate(twice, Aggregate.GroupType.GROUP_TYPE_GROUPBY,
        count(false, a)));
    // Spark 4.2.0 and 4.1.2 (wrapper-count-ambiguous-column, with [a, a]).
    assertError(e, "AMBIGUOUS_REFERENCE", "42704",
        Map.of("name", "`a`", "referenceNames", "[`a`, `a`]"),
        "Reference `a` is ambiguous, could be: [`a`, `a`].");
    assertEquals("org.apache.spark.sql.AnalysisException", e.reason());
  }

  @Test
  void countOfAnUnknownColumnIsUnresolved() {
    blobs.put("d", Ipc.ints(allocator, "x", true, 1));
    Expression y = Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier("y")).build();
    SparkError e = planningError(aggregate(chunked(null, "d"),
        Aggregate.GroupType.GROUP_TYPE_GROUPBY, count(false, y)));
    assertError(e, "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
        Map.of("objectName", "`y`", "proposal", "`x`"),
        "A column, variable, or function parameter with name `y` cannot be resolved. Did you "
            + "mean one of the following? [`x`].");
  }
}
