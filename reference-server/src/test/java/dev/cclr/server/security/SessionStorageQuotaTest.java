package dev.cclr.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SRV-SEC-004: a session's blobs are bounded as they arrive; the refused upload stores nothing; other sessions are unaffected. */
class SessionStorageQuotaTest {

  @TempDir Path dir;

  @Test
  void uploadsOverTheQuotaAreRefusedWithResourceExhausted() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.sessionStorageQuota(100_000))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.put("cache/a", new byte[60_000]);
      // 60 000 stored + 32 768 + 32 768 arriving > 100 000: refused at the second piece.
      byte[] piece = new byte[32 * 1024];
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> rpc.upload(
          rpc.begin("cache/b", 3L * piece.length, 3, Rpc.chunk(piece)), rpc.next(Rpc.chunk(piece)), rpc.next(Rpc.chunk(piece))));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
      Errors err = Errors.of(e);
      assertEquals("CCLR_SESSION_STORAGE_QUOTA_EXCEEDED", err.errorClass());
      assertTrue(err.params().contains("100000"), err.params());
      assertFalse(rpc.status("cache/b").getStatusesMap().get("cache/b").getExists(), "the refused blob must not be stored");
      assertTrue(rpc.status("cache/a").getStatusesMap().get("cache/a").getExists());
      // Up to the quota still fits, and another session has its own quota.
      rpc.put("cache/c", new byte[40_000]);
      Rpc other = new Rpc(t, TestServer.newSessionId());
      other.put("cache/a", new byte[90_000]);
    }
  }
}
