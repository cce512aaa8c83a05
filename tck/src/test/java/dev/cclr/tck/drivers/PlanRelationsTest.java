package dev.cclr.tck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.Limit;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Offset;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Project;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ShowString;
import dev.cclr.proto.Tail;
import dev.cclr.proto.ToDF;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Clients put relations around their local data (PySpark a ToDF for pandas input, the Go client
 * and PySpark 3.5 always; show() a ShowString, head() a Limit, tail() a Tail...): the local
 * relation underneath is found whatever wraps it, in ExecutePlan and AnalyzePlan requests.
 */
class PlanRelationsTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final String S = "5".repeat(64);

  private static final Relation CHUNKED = Relation.newBuilder().setChunkedCachedLocalRelation(
      ChunkedCachedLocalRelation.newBuilder().addDataHashes(A).addDataHashes(B).addDataHashes(A).setSchemaHash(S)).build();
  private static final Relation CACHED = Relation.newBuilder().setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(A)).build();
  private static final Relation INLINE = Relation.newBuilder().setLocalRelation(
      LocalRelation.newBuilder().setData(ByteString.copyFromUtf8("12345")).setSchema("a int")).build();

  private static final LocalDataRelation CHUNKED_FOUND = new LocalDataRelation(LocalDataRelation.CHUNKED, List.of(A, B, A), S, null, null);
  private static final LocalDataRelation CACHED_FOUND = new LocalDataRelation(LocalDataRelation.CACHED, List.of(A), null, null, null);
  private static final LocalDataRelation INLINE_FOUND = new LocalDataRelation(LocalDataRelation.INLINE, List.of(), null, 5L, "a int");

  /** Each wrapper a client puts around local data, by what it does to its input. */
  private static final List<UnaryOperator<Relation>> WRAPPERS = List.of(
      in -> Relation.newBuilder().setToDf(ToDF.newBuilder().setInput(in).addColumnNames("x").addColumnNames("y")).build(),
      in -> Relation.newBuilder().setLimit(Limit.newBuilder().setInput(in).setLimit(1)).build(),
      in -> Relation.newBuilder().setOffset(Offset.newBuilder().setInput(in).setOffset(2)).build(),
      in -> Relation.newBuilder().setTail(Tail.newBuilder().setInput(in).setLimit(3)).build(),
      in -> Relation.newBuilder().setShowString(ShowString.newBuilder().setInput(in).setNumRows(20).setTruncate(20)).build(),
      in -> Relation.newBuilder().setProject(Project.newBuilder().setInput(in)).build());

  private static ExecutePlanRequest execute(Relation root) {
    return ExecutePlanRequest.newBuilder().setSessionId("s").setPlan(Plan.newBuilder().setRoot(root)).build();
  }

  @Test
  void bareRelationsAreFound() {
    assertEquals(List.of(CHUNKED_FOUND), PlanRelations.find(execute(CHUNKED)));
    assertEquals(List.of(CACHED_FOUND), PlanRelations.find(execute(CACHED)));
    assertEquals(List.of(INLINE_FOUND), PlanRelations.find(execute(INLINE)));
  }

  @Test
  void everyWrapperIsSeenThroughForEveryKindOfLocalData() {
    int index = 0;
    for (UnaryOperator<Relation> wrap : WRAPPERS) {
      index++;
      assertEquals(List.of(CHUNKED_FOUND), PlanRelations.find(execute(wrap.apply(CHUNKED))), "wrapper " + index + " over chunked");
      assertEquals(List.of(CACHED_FOUND), PlanRelations.find(execute(wrap.apply(CACHED))), "wrapper " + index + " over cached");
      assertEquals(List.of(INLINE_FOUND), PlanRelations.find(execute(wrap.apply(INLINE))), "wrapper " + index + " over inline");
    }
  }

  @Test
  void stackedWrappersAreSeenThrough() {
    // show() on a pandas DataFrame: ShowString over the ToDF over the local relation; then tail, offset, limit, select.
    Relation stacked = CHUNKED;
    for (UnaryOperator<Relation> wrap : WRAPPERS) {
      stacked = wrap.apply(stacked);
    }
    assertEquals(List.of(CHUNKED_FOUND), PlanRelations.find(execute(stacked)));
  }

  @Test
  void analyzeRequestsAreSeenThrough() {
    Relation wrapped = WRAPPERS.get(0).apply(CACHED);
    AnalyzePlanRequest schema = AnalyzePlanRequest.newBuilder().setSessionId("s")
        .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(Plan.newBuilder().setRoot(wrapped))).build();
    AnalyzePlanRequest treeString = AnalyzePlanRequest.newBuilder().setSessionId("s")
        .setTreeString(AnalyzePlanRequest.TreeString.newBuilder().setPlan(Plan.newBuilder().setRoot(wrapped))).build();
    AnalyzePlanRequest isLocal = AnalyzePlanRequest.newBuilder().setSessionId("s")
        .setIsLocal(AnalyzePlanRequest.IsLocal.newBuilder().setPlan(Plan.newBuilder().setRoot(WRAPPERS.get(4).apply(CHUNKED)))).build();
    AnalyzePlanRequest ddl = AnalyzePlanRequest.newBuilder().setSessionId("s")
        .setDdlParse(AnalyzePlanRequest.DDLParse.newBuilder().setDdlString("a int")).build();
    assertEquals(List.of(CACHED_FOUND), PlanRelations.find(schema));
    assertEquals(List.of(CACHED_FOUND), PlanRelations.find(treeString));
    assertEquals(List.of(CHUNKED_FOUND), PlanRelations.find(isLocal));
    assertEquals(List.of(), PlanRelations.find(ddl));
  }
}
