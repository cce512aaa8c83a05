package dev.cclr.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import dev.cclr.proto.UserContext;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SRV-SES-001 and §12.2: a blob is visible only in the session that uploaded it. Sessions are keyed
 * by (user_id, session_id), so another user naming the same session id reaches a different, empty
 * session: ArtifactStatus says the blob does not exist and a relation using it fails with NOT_FOUND,
 * as it does for another session of the same user.
 */
class SessionIsolationTest {

  @TempDir Path dir;

  @Test
  void anotherUsersSessionWithTheSameIdCannotSeeTheBlob() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.planner(new ReferenceRelationPlanner()))) {
      String sessionId = TestServer.newSessionId();
      Rpc owner = new Rpc(t, sessionId);
      owner.put("cache/secret", Ipc.ints(10, 0));
      assertTrue(owner.exists("cache/secret"));
      assertEquals(10, Rpc.rows(owner.collect(owner.execute(relation("secret")).build())).size());

      UserContext intruder = UserContext.newBuilder().setUserId("someone-else").build();
      assertFalse(t.blocking.artifactStatus(ArtifactStatusesRequest.newBuilder().setSessionId(sessionId)
              .setUserContext(intruder).addNames("cache/secret").build())
          .getStatusesOrThrow("cache/secret").getExists(), "another user's session with the same id sees the blob");
      Errors e = Errors.thrownBy(() -> t.blocking.executePlan(ExecutePlanRequest.newBuilder()
          .setSessionId(sessionId).setUserContext(intruder)
          .setPlan(Plan.newBuilder().setRoot(relation("secret"))).build()).forEachRemaining(r -> { }));
      e.expectClass("CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION", "56K00");

      Rpc otherSession = new Rpc(t, TestServer.newSessionId());
      assertFalse(otherSession.exists("cache/secret"), "another session of the same user sees the blob");
      Errors.thrownBy(() -> otherSession.collect(otherSession.execute(relation("secret")).build()))
          .expectClass("CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION", "56K00");

      // The owner still sees it.
      assertTrue(owner.exists("cache/secret"));
    }
  }

  private static Relation relation(String hash) {
    return Relation.newBuilder().setChunkedCachedLocalRelation(
        ChunkedCachedLocalRelation.newBuilder().addDataHashes(hash)).build();
  }
}
