package dev.cclr.server.artifacts;

import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ArtifactStatusesResponse.ArtifactStatus;
import dev.cclr.server.sessions.Session;

/**
 * ArtifactStatus as Spark answers it: every requested name is a key; exists is true only for a
 * name that starts with "cache/" whose exact remainder is a blob of this session. Names are not
 * normalised ("cache/./h" is false even when "cache/h" exists).
 */
public final class ArtifactStatusHandler {

  private static final String CACHE_PREFIX = "cache/";

  private ArtifactStatusHandler() {}

  public static ArtifactStatusesResponse handle(ArtifactStatusesRequest request, Session session) {
    ArtifactStatusesResponse.Builder out = ArtifactStatusesResponse.newBuilder()
        .setSessionId(session.sessionId())
        .setServerSideSessionId(session.serverSideSessionId());
    for (String name : request.getNamesList()) {
      boolean exists = name.startsWith(CACHE_PREFIX)
          && session.blobs().contains(name.substring(CACHE_PREFIX.length()));
      out.putStatuses(name, ArtifactStatus.newBuilder().setExists(exists).build());
    }
    return out.build();
  }
}
