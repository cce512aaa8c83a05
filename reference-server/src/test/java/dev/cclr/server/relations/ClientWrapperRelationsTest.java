package dev.cclr.server.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import dev.cclr.proto.Expression;
import dev.cclr.proto.Limit;
import dev.cclr.proto.Offset;
import dev.cclr.proto.Project;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ShowString;
import dev.cclr.proto.Tail;
import dev.cclr.proto.ToDF;
import dev.cclr.server.errors.SparkError;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/**
 * The relations clients wrap around local data (ToDF, Offset, Tail, ShowString, an empty Project)
 * and the answer for relation kinds the server leaves out. Every expectation was copied from a
 * run of Spark 4.2.0 on the same plan (pyspark-client 4.2.0 protos, raw gRPC).
 */
class ClientWrapperRelationsTest extends PlannerTestBase {

  /** i INT NOT NULL, s STRING in two batches: (1,p),(2,q) then (3,NULL). */
  private Relation data() {
    var schema = Ipc.schema(Ipc.field("i", false, new ArrowType.Int(32, true)),
        Ipc.field("s", true, ArrowType.Utf8.INSTANCE));
    byte[] stream = Ipc.stream(allocator, schema, root -> fill(root, new int[] {1, 2}, "p", "q"),
        root -> fill(root, new int[] {3}, (String) null));
    return local(null, stream);
  }

  private static void fill(org.apache.arrow.vector.VectorSchemaRoot root, int[] ints, String... strings) {
    IntVector i = (IntVector) root.getVector(0);
    VarCharVector s = (VarCharVector) root.getVector(1);
    for (int r = 0; r < ints.length; r++) {
      i.setSafe(r, ints[r]);
      if (strings[r] == null) {
        s.setNull(r);
      } else {
        s.setSafe(r, strings[r].getBytes(StandardCharsets.UTF_8));
      }
    }
    root.setRowCount(ints.length);
  }

  private static Relation toDf(Relation in, String... names) {
    return Relation.newBuilder().setToDf(ToDF.newBuilder().setInput(in)
        .addAllColumnNames(Arrays.asList(names))).build();
  }

  private static Relation show(Relation in, int n, int truncate, boolean vertical) {
    return Relation.newBuilder().setShowString(ShowString.newBuilder().setInput(in).setNumRows(n)
        .setTruncate(truncate).setVertical(vertical)).build();
  }

  private String schemaText(Relation r) {
    try (RelationResult result = planner.plan(r, context)) {
      return TextFormat.printer().emittingSingleLine(true).printToString(result.sparkSchema())
          + " / " + result.arrowSchema();
    }
  }

  @Test
  void toDfRenamesByPositionAndKeepsTypesAndNullability() {
    assertEquals("struct { fields { name: \"k\" data_type { integer { } } } fields { name: \"v\" "
        + "data_type { string { } } nullable: true } } / Schema<k: Int(32, true) not null, v: Utf8>",
        schemaText(toDf(data(), "k", "v")));
    assertEquals("[[1, p], [2, q], [3, null]]", rows(toDf(data(), "k", "v")).toString());
    // Duplicate, dotted and empty names are accepted (Spark 4.2.0 returns the rows).
    assertEquals("[[1, p], [2, q], [3, null]]", rows(toDf(toDf(data(), "x", "x"), "a.b", "")).toString());
  }

  @Test
  void toDfWithAnotherNumberOfNamesIsAnArityMismatch() {
    for (String[] names : List.of(new String[] {"x"}, new String[] {"x", "y", "z"}, new String[0])) {
      SparkError e = planningError(toDf(data(), names));
      assertError(e, "ASSIGNMENT_ARITY_MISMATCH", "42802",
          Map.of("numExpr", String.valueOf(names.length), "numTarget", "2"),
          "The number of columns or variables assigned or aliased: 2 does not match the number "
              + "of source expressions: " + names.length + ".");
      assertEquals("org.apache.spark.sql.AnalysisException", e.reason());
    }
  }

  @Test
  void tailAndOffsetCrossBatches() {
    Relation d = data();
    assertEquals("[[2, q], [3, null]]", rows(tail(d, 2)).toString());
    assertEquals("[]", rows(tail(d, 0)).toString());
    assertEquals("[[1, p], [2, q], [3, null]]", rows(tail(d, 10)).toString());
    assertEquals("[[2, q], [3, null]]", rows(offset(d, 1)).toString());
    assertEquals("[[3, null]]", rows(offset(d, 2)).toString());
    assertEquals("[]", rows(offset(d, 10)).toString());
    assertEquals("[[2, q]]", rows(Relation.newBuilder().setLimit(Limit.newBuilder()
        .setInput(offset(d, 1)).setLimit(1)).build()).toString());
    assertEquals("[[2, q]]", rows(tail(toDf(d, "x", "y"), 2).toBuilder().build()).subList(0, 1).toString());
  }

  @Test
  void negativeTailAndOffsetAreInvalidLimitLikeExpressions() {
    assertError(planningError(tail(data(), -1)), "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
        Map.of("name", "tail", "expr", "\"-1\"", "v", "-1"), "The limit like expression \"-1\" is "
            + "invalid. The tail expression must be equal to or greater than 0, but got -1.");
    assertError(planningError(offset(data(), -1)), "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
        Map.of("name", "offset", "expr", "\"-1\"", "v", "-1"), "The limit like expression \"-1\" is "
            + "invalid. The offset expression must be equal to or greater than 0, but got -1.");
  }

  @Test
  void showStringRendersSparksTextTable() {
    assertEquals("struct { fields { name: \"show_string\" data_type { string { } } } }"
        + " / Schema<show_string: Utf8 not null>", schemaText(show(data(), 20, 20, false)));
    assertEquals("[[+---+----+\n|  i|   s|\n+---+----+\n|  1|   p|\n|  2|   q|\n|  3|NULL|\n"
        + "+---+----+\n]]", rows(show(data(), 20, 20, false)).toString());
    assertEquals("[[+---+---+\n|  i|  s|\n+---+---+\n|  1|  p|\n+---+---+\nonly showing top 1 row]]",
        rows(show(data(), 1, 20, false)).toString());
    assertEquals("[[+---+---+\n|  i|  s|\n+---+---+\n+---+---+\nonly showing top 0 rows]]",
        rows(show(data(), -1, 20, false)).toString());
    assertEquals("[[(0 rows)]]", rows(show(data(), 0, 20, true)).toString());
  }

  @Test
  void showStringFormatMatchesSparkForTruncationNullsVerticalAndWideCharacters() {
    List<String> names = List.of("a", "b");
    List<List<String>> rows = List.of(List.of("1", "x"), Arrays.asList("2", null),
        Arrays.asList(null, "a".repeat(30)));
    assertEquals("+----+--------------------+\n|   a|                   b|\n+----+--------------------+\n"
        + "|   1|                   x|\n|   2|                NULL|\n|NULL|aaaaaaaaaaaaaaaaa...|\n"
        + "+----+--------------------+\n", ShowStringFormat.format(names, rows, false, 20, 20, false));
    assertEquals("+----+------------------------------+\n|a   |b                             |\n"
        + "+----+------------------------------+\n|1   |x                             |\n"
        + "|2   |NULL                          |\n|NULL|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|\n"
        + "+----+------------------------------+\n", ShowStringFormat.format(names, rows, false, 20, 0, false));
    assertEquals("+---+---+\n|  a|  b|\n+---+---+\n|  1|  x|\n|  2|  N|\n|  N|  a|\n+---+---+\n",
        ShowStringFormat.format(names, rows, false, 20, 1, false));
    // Column names are never cut, whatever truncate is (Spark 4.2.0 and 4.1.2).
    assertEquals("+---+-----+\n| id|value|\n+---+-----+\n|  1|    a|\n+---+-----+\n",
        ShowStringFormat.format(List.of("id", "value"), List.of(List.of("1", "abcde")), false, 20, 1, false));
    assertEquals("-RECORD 0-----\n id    | 1    \n value | a... \n",
        ShowStringFormat.format(List.of("id", "value"), List.of(List.of("1", "abcde")), false, 20, 4, true));
    assertEquals("-RECORD 0-------------------\n a   | 1                    \n b   | x                    \n"
        + "-RECORD 1-------------------\n a   | 2                    \n b   | NULL                 \n"
        + "-RECORD 2-------------------\n a   | NULL                 \n b   | aaaaaaaaaaaaaaaaa... \n",
        ShowStringFormat.format(names, rows, false, 20, 20, true));
    assertEquals("+--------------+---+----+\n|          名字|  d|   t|\n+--------------+---+----+\n"
        + "|日本語テキスト|1.5|true|\n|            ab|NaN|NULL|\n+--------------+---+----+\n",
        ShowStringFormat.format(List.of("名字", "d", "t"), List.of(List.of("日本語テキスト", "1.5", "true"),
            Arrays.asList("ab", "NaN", null)), false, 20, 20, false));
  }

  @Test
  void anEmptyProjectionKeepsTheRowCount() {
    Relation empty = Relation.newBuilder().setProject(Project.newBuilder().setInput(data())).build();
    assertEquals("[[], [], []]", rows(empty).toString());
    assertEquals("[[]]", rows(Relation.newBuilder().setLimit(Limit.newBuilder().setInput(empty)
        .setLimit(1)).build()).toString());
    Relation star = Relation.newBuilder().setProject(Project.newBuilder().setInput(data())
        .addExpressions(Expression.newBuilder().setUnresolvedStar(
            Expression.UnresolvedStar.getDefaultInstance()))).build();
    assertEquals("[[1, p], [2, q], [3, null]]", rows(star).toString());
  }

  @Test
  void aRelationKindLeftOutIsUnimplementedAndNamed() {
    // A Filter (field 4 in Spark 4.2.0's Relation) arrives as an unknown field.
    Relation filter = Relation.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(4, UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(ByteString.copyFrom(new byte[] {10, 0})).build()).build()).build();
    SparkError e = planningError(filter);
    assertError(e, "CCLR_UNSUPPORTED_RELATION", "0A000",
        Map.of("relation", "filter", "fieldNumber", "4"),
        "The relation filter (spark.connect.Relation field 4) is not implemented by the cclr "
            + "reference server.");
    assertEquals(Status.Code.UNIMPLEMENTED, e.code());
  }

  /**
   * i TINYINT over INT data in two batches, (1),(2) then (1000): the second overflows. Spark casts
   * the whole local relation while planning, so a Limit or a ShowString that needs only the first
   * rows still fails; a server that stopped reading would end the call with OK (§10.3).
   */
  private Relation overflowInSecondBatch() {
    var schema = Ipc.schema(Ipc.field("i", true, new ArrowType.Int(32, true)));
    byte[] stream = Ipc.stream(allocator, schema, root -> ints(root, 1, 2), root -> ints(root, 1000));
    return local("i TINYINT", stream);
  }

  private static void ints(org.apache.arrow.vector.VectorSchemaRoot root, int... values) {
    IntVector i = (IntVector) root.getVector(0);
    for (int r = 0; r < values.length; r++) {
      i.setSafe(r, values[r]);
    }
    root.setRowCount(values.length);
  }

  @Test
  void aFullLimitStillReadsTheRestAndFailsOnALaterFault() {
    Relation limit = Relation.newBuilder().setLimit(Limit.newBuilder()
        .setInput(overflowInSecondBatch()).setLimit(1)).build();
    try (RelationResult result = planner.plan(limit, context)) {
      assertEquals(1, result.nextBatch().getRowCount());
      assertEquals("CAST_OVERFLOW", assertThrows(SparkError.class, result::nextBatch).errorClass());
    }
  }

  @Test
  void showStringStillReadsTheRestAndFailsOnALaterFault() {
    assertEquals("CAST_OVERFLOW", error(show(overflowInSecondBatch(), 1, 20, false)).errorClass());
  }

  private static Relation tail(Relation in, int n) {
    return Relation.newBuilder().setTail(Tail.newBuilder().setInput(in).setLimit(n)).build();
  }

  private static Relation offset(Relation in, int n) {
    return Relation.newBuilder().setOffset(Offset.newBuilder().setInput(in).setOffset(n)).build();
  }
}
