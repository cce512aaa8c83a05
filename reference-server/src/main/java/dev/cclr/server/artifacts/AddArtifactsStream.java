package dev.cclr.server.artifacts;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsRequest.BeginChunkedArtifact;
import dev.cclr.proto.AddArtifactsRequest.SingleChunkArtifact;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AddArtifactsResponse.ArtifactSummary;
import dev.cclr.server.sessions.ErrorResponder;
import dev.cclr.server.sessions.Session;
import dev.cclr.server.sessions.SessionManager;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One AddArtifacts call. The session is bound from the first message (later messages' session
 * fields are ignored, as in Spark). Each message carries a batch of whole artifacts, the start of
 * a chunked artifact, or its next chunk. Blobs are written as chunks arrive and sealed (file
 * closed, staging buffer given back) as soon as each artifact is complete, so a call of many
 * artifacts holds one writer's resources at a time; they become visible only when the stream
 * completes cleanly, all at once, in arrival order. A framing error, a bad
 * name or a cancelled call discards everything this stream staged, so a failed upload leaves
 * nothing behind (Spark itself may keep some artifacts of a failed stream; we do not).
 */
public final class AddArtifactsStream implements StreamObserver<AddArtifactsRequest> {

  private final SessionManager sessions;
  private final ErrorResponder errors;
  private final StreamObserver<AddArtifactsResponse> response;
  private final List<StagedArtifact> staged = new ArrayList<>();
  private Session session;
  private String userId;
  private String sessionId;
  private StagedArtifact open;
  private boolean finished;
  /** Bytes received in this call so far, counted against the session's quota as they arrive. */
  private long receivedBytes;

  public AddArtifactsStream(SessionManager sessions, ErrorResponder errors,
      StreamObserver<AddArtifactsResponse> response) {
    this.sessions = sessions;
    this.errors = errors;
    this.response = response;
  }

  @Override
  public void onNext(AddArtifactsRequest req) {
    if (finished) {
      return;
    }
    try {
      if (session == null) {
        userId = req.getUserContext().getUserId();
        sessionId = req.getSessionId();
        session = sessions.getOrCreate(userId, sessionId,
            req.hasClientObservedServerSideSessionId()
                ? Optional.of(req.getClientObservedServerSideSessionId()) : Optional.empty());
      }
      session.touch();
      switch (req.getPayloadCase()) {
        case BEGIN_CHUNK -> begin(req.getBeginChunk());
        case CHUNK -> chunk(req.getChunk());
        case BATCH -> batch(req.getBatch().getArtifactsList());
        case PAYLOAD_NOT_SET -> throw ArtifactErrors.unsupportedRequest(req);
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void begin(BeginChunkedArtifact begin) {
    if (open != null) {
      throw ArtifactErrors.framing("begin_chunk for '" + begin.getName() + "' while chunked artifact "
          + open.describeProgress() + " is still open");
    }
    StagedArtifact artifact = stage(StagedArtifact.chunked(begin.getName(), session.blobs(),
        begin.getNumChunks(), begin.getTotalBytes()));
    withinQuota(begin.getName(), begin.getInitialChunk().getData().size());
    artifact.write(begin.getInitialChunk());
    if (artifact.allChunksReceived()) {
      // Spark checks a chunked artifact's length only when a chunk completes it, never when its
      // begin_chunk does: such an artifact stays open and the call fails at its end on the
      // end-of-stream require. So a wrong total_bytes here gets that framing error ("requirement
      // failed", IllegalArgumentException), not "Missing data chunks" (a right one is accepted).
      if (!artifact.bytesMatch()) {
        throw ArtifactErrors.framing("begin_chunk completed chunked artifact " + artifact.describeBytes()
            + " with its initial chunk, and its length is not total_bytes");
      }
      artifact.seal();
    } else {
      open = artifact;
    }
  }

  private void chunk(AddArtifactsRequest.ArtifactChunk chunk) {
    if (open == null) {
      String after = staged.isEmpty() ? "" : " (the last artifact, '" + last().name() + "', is complete)";
      throw ArtifactErrors.framing("chunk received without an open chunked artifact begun by begin_chunk" + after);
    }
    withinQuota(open.name(), chunk.getData().size());
    open.write(chunk);
    if (open.allChunksReceived()) {
      StagedArtifact done = open;
      open = null;
      done.checkComplete();
      done.seal();
    }
  }

  private void batch(List<SingleChunkArtifact> artifacts) {
    if (open != null) {
      throw ArtifactErrors.framing("batch received while chunked artifact " + open.describeProgress()
          + " is still open");
    }
    for (SingleChunkArtifact a : artifacts) {
      withinQuota(a.getName(), a.getData().getData().size());
      StagedArtifact artifact = stage(StagedArtifact.single(a.getName(), session.blobs()));
      artifact.write(a.getData());
      artifact.seal();
    }
  }

  /**
   * SRV-SEC-004: refuses a piece that would take the session's stored blobs plus this call's
   * bytes over the quota, before storing it (the whole call then fails and stages nothing).
   */
  private void withinQuota(String name, long pieceBytes) {
    long quota = session.blobs().quota();
    if (quota == Long.MAX_VALUE) {
      return;
    }
    long total = session.blobs().storedBytes() + receivedBytes + pieceBytes;
    if (total > quota) {
      throw ArtifactErrors.quotaExceeded(name, total, quota);
    }
    receivedBytes += pieceBytes;
  }

  private StagedArtifact stage(StagedArtifact artifact) {
    staged.add(artifact);
    return artifact;
  }

  private StagedArtifact last() {
    return staged.get(staged.size() - 1);
  }

  @Override
  public void onError(Throwable t) {
    // The client cancelled or the transport broke: drop everything staged.
    finished = true;
    discardAll();
  }

  @Override
  public void onCompleted() {
    if (finished) {
      return;
    }
    try {
      if (session == null) {
        throw ArtifactErrors.emptyStream();
      }
      if (open != null) {
        // A chunked artifact still open here always lacks chunks (the last one closes it). Spark
        // checks that no chunked artifact is open when the stream ends (a require, so
        // IllegalArgumentException "requirement failed"), not which chunks or bytes are missing.
        throw ArtifactErrors.framing("the stream ended inside chunked artifact " + open.describeProgress());
      }
      AddArtifactsResponse.Builder out = AddArtifactsResponse.newBuilder()
          .setSessionId(session.sessionId())
          .setServerSideSessionId(session.serverSideSessionId());
      // Every blob is finished first (a full disk can fail that), so that a failure stores none of them.
      staged.forEach(StagedArtifact::seal);
      for (StagedArtifact a : staged) {
        a.commitTo(session.blobs());
        out.addArtifacts(ArtifactSummary.newBuilder().setName(a.name()).setIsCrcSuccessful(a.crcOk()));
      }
      finished = true;
      staged.clear();
      response.onNext(out.build());
      response.onCompleted();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(Throwable t) {
    finished = true;
    discardAll();
    errors.fail(response, t, userId, sessionId);
  }

  private void discardAll() {
    staged.forEach(StagedArtifact::close);
    staged.clear();
    open = null;
  }
}
