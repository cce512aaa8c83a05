package dev.cclr.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SRV-SEC-002: with a token configured, every method needs it: Config, ArtifactStatus, AddArtifacts as much as ExecutePlan. */
class BearerTokenAuthenticationTest {

  @TempDir Path dir;

  @Test
  void everyMethodNeedsTheToken() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.bearerToken("s3cret"))) {
      String session = TestServer.newSessionId();
      for (String header : new String[] {null, "Bearer wrong", "Bearer s3cret "}) {
        SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub = withAuthorization(t.blocking, header);
        assertUnauthenticated(() -> stub.config(config(session)));
        assertUnauthenticated(() -> stub.artifactStatus(status(session)));
        assertUnauthenticated(() -> stub.executePlan(dev.cclr.proto.ExecutePlanRequest.newBuilder().setSessionId(session)
            .setUserContext(TestServer.USER).build()).hasNext());
      }
      // AddArtifacts without the token: the stream is refused before any byte is stored.
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> new Rpc(t, session).upload(new Rpc(t, session).batch("cache/k", Rpc.chunk(new byte[] {1}))));
      assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
      // With the token, the same calls work.
      SparkConnectServiceGrpc.SparkConnectServiceBlockingStub ok = withAuthorization(t.blocking, "Bearer s3cret");
      assertEquals(session, ok.config(config(session)).getSessionId());
      assertEquals(false, ok.artifactStatus(status(session)).getStatusesMap().get("cache/k").getExists());
      assertEquals(1, t.server.sessionCount(), "only the authenticated calls made a session");
    }
  }

  private static ConfigRequest config(String session) {
    return ConfigRequest.newBuilder().setSessionId(session).setUserContext(TestServer.USER)
        .setOperation(ConfigRequest.Operation.newBuilder().setGetAll(ConfigRequest.GetAll.newBuilder())).build();
  }

  private static ArtifactStatusesRequest status(String session) {
    return ArtifactStatusesRequest.newBuilder().setSessionId(session).setUserContext(TestServer.USER).addNames("cache/k").build();
  }

  private static SparkConnectServiceGrpc.SparkConnectServiceBlockingStub withAuthorization(
      SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub, String header) {
    if (header == null) {
      return stub;
    }
    Metadata m = new Metadata();
    m.put(BearerTokenAuthentication.AUTHORIZATION, header);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
  }

  private static void assertUnauthenticated(org.junit.jupiter.api.function.Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), e.toString());
  }
}
