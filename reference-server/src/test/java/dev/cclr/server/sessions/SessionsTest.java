package dev.cclr.server.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.FetchErrorDetailsRequest;
import dev.cclr.proto.FetchErrorDetailsResponse;
import dev.cclr.proto.ReleaseSessionRequest;
import dev.cclr.proto.ReleaseSessionResponse;
import dev.cclr.proto.UserContext;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

  private static final String KEY = "spark.sql.session.localRelationCacheThreshold";

  @TempDir Path dir;
  private TestServer t;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(dir);
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  private ConfigResponse get(String user, String sessionId, String observed) {
    ConfigRequest.Builder b = ConfigRequest.newBuilder().setSessionId(sessionId)
        .setUserContext(UserContext.newBuilder().setUserId(user))
        .setOperation(ConfigRequest.Operation.newBuilder().setGet(ConfigRequest.Get.newBuilder().addKeys(KEY)));
    if (observed != null) {
      b.setClientObservedServerSideSessionId(observed);
    }
    return t.blocking.config(b.build());
  }

  private ReleaseSessionResponse release(String sessionId, boolean allowReconnect) {
    return t.blocking.releaseSession(ReleaseSessionRequest.newBuilder().setSessionId(sessionId)
        .setUserContext(TestServer.USER).setAllowReconnect(allowReconnect).build());
  }

  @Test
  void sessionIdMustBeAUuid() {
    Errors e = Errors.thrownBy(() -> get("tester", "not-a-uuid", null))
        .expectClass("INVALID_HANDLE.FORMAT", "HY000");
    assertEquals("[INVALID_HANDLE.FORMAT] The handle not-a-uuid is invalid. Handle must be an UUID string of the"
        + " format '00112233-4455-6677-8899-aabbccddeeff' SQLSTATE: HY000", e.description());
    assertEquals("org.apache.spark.SparkSQLException", e.info().getReason());
    assertEquals("{\"handle\":\"not-a-uuid\"}", e.params());
    assertNull(e.errorId(), "no session, so no errorId (as in Spark)");
    assertEquals(0, t.server.sessionCount());
  }

  @Test
  void serverSideSessionIdIsStablePerKeyAndDiffersPerUser() {
    String sid = TestServer.newSessionId();
    String first = get("tester", sid, null).getServerSideSessionId();
    UUID.fromString(first);
    assertEquals(first, get("tester", sid, first).getServerSideSessionId());
    String other = get("someone-else", sid, null).getServerSideSessionId();
    assertNotEquals(first, other, "sessions are keyed by (user_id, session_id)");
    assertNotEquals(first, get("tester", sid.toUpperCase(), null).getServerSideSessionId(),
        "session ids are compared as exact strings");
  }

  @Test
  void staleObservedServerSideIdIsRejected() {
    String sid = TestServer.newSessionId();
    get("tester", sid, null);
    Errors e = Errors.thrownBy(() -> get("tester", sid, UUID.randomUUID().toString()))
        .expectClass("INVALID_HANDLE.SESSION_CHANGED", "HY000");
    assertEquals("[INVALID_HANDLE.SESSION_CHANGED] The handle " + sid + " is invalid. The existing Spark server"
        + " driver instance has restarted. Please reconnect. SQLSTATE: HY000", e.description());
    assertNotNull(e.errorId(), "the session exists, so the error gets an errorId");
  }

  @Test
  void releasedSessionStaysClosedUnlessReconnectIsAllowed() {
    String sid = TestServer.newSessionId();
    String serverSide = get("tester", sid, null).getServerSideSessionId();
    ReleaseSessionResponse r = release(sid, false);
    assertEquals(sid, r.getSessionId());
    assertEquals(serverSide, r.getServerSideSessionId());

    Errors e = Errors.thrownBy(() -> get("tester", sid, null)).expectClass("INVALID_HANDLE.SESSION_CLOSED", "HY000");
    assertEquals("[INVALID_HANDLE.SESSION_CLOSED] The handle " + sid + " is invalid. Session was closed."
        + " SQLSTATE: HY000", e.description());
    assertNull(e.errorId());

    ReleaseSessionResponse again = release(sid, false);
    assertEquals(sid, again.getSessionId());
    assertEquals("", again.getServerSideSessionId(), "no live session, no server-side id");

    String s2 = TestServer.newSessionId();
    String before = get("tester", s2, null).getServerSideSessionId();
    release(s2, true);
    String after = get("tester", s2, null).getServerSideSessionId();
    assertNotEquals(before, after, "a reconnect gets a new server-side session");
  }

  @Test
  void releasingUnknownOrMalformedSessionsIsANoOp() {
    assertEquals("bad", release("bad", false).getSessionId());
    assertEquals("", release(TestServer.newSessionId(), false).getServerSideSessionId());
  }

  @Test
  void releaseDropsTheSessionsBlobs() throws Exception {
    Rpc rpc = new Rpc(t, TestServer.newSessionId());
    rpc.put("cache/h", new byte[] {1, 2, 3});
    assertTrue(rpc.exists("cache/h"));
    release(rpc.sessionId(), true);
    assertFalse(rpc.exists("cache/h"), "the recreated session starts empty");
  }

  @Test
  void fetchErrorDetailsReturnsTheErrorOnce() {
    Rpc rpc = new Rpc(t, TestServer.newSessionId());
    Errors e = Errors.thrownBy(() -> rpc.get("no.such.key")).expectClass("SQL_CONF_NOT_FOUND", "42K0I");
    FetchErrorDetailsRequest req = FetchErrorDetailsRequest.newBuilder().setSessionId(rpc.sessionId())
        .setUserContext(TestServer.USER).setErrorId(e.errorId()).build();
    FetchErrorDetailsResponse details = t.blocking.fetchErrorDetails(req);
    assertEquals(0, details.getRootErrorIdx());
    FetchErrorDetailsResponse.Error err = details.getErrors(0);
    assertEquals("org.apache.spark.SparkNoSuchElementException", err.getErrorTypeHierarchy(0));
    assertEquals("java.lang.Object", err.getErrorTypeHierarchy(err.getErrorTypeHierarchyCount() - 1));
    assertEquals(e.description(), err.getMessage());
    assertEquals("SQL_CONF_NOT_FOUND", err.getSparkThrowable().getErrorClass());
    assertEquals("42K0I", err.getSparkThrowable().getSqlState());
    assertEquals("\"no.such.key\"", err.getSparkThrowable().getMessageParametersOrThrow("sqlConf"));
    assertEquals(FetchErrorDetailsResponse.getDefaultInstance(), t.blocking.fetchErrorDetails(req),
        "second fetch finds nothing");
  }

  @Test
  void idleSessionsExpire() throws Exception {
    try (TestServer quick = new TestServer(dir.resolve("q"), b -> b
        .sessionIdleTimeout(java.time.Duration.ofMillis(200))
        .housekeepingInterval(java.time.Duration.ofMillis(50)))) {
      Rpc rpc = new Rpc(quick, TestServer.newSessionId());
      rpc.get(KEY);
      assertEquals(1, quick.server.sessionCount());
      long deadline = System.currentTimeMillis() + 5000;
      while (quick.server.sessionCount() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, quick.server.sessionCount());
      Errors.thrownBy(() -> rpc.get(KEY)).expectClass("INVALID_HANDLE.SESSION_CLOSED", "HY000");
    }
  }
}
