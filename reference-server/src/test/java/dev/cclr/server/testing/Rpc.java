package dev.cclr.server.testing;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Plan;
import dev.cclr.proto.ReattachOptions;
import dev.cclr.proto.Relation;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/** Request builders and call helpers shared by the tests. */
public final class Rpc {

  private final TestServer t;
  private final String sessionId;

  public Rpc(TestServer t, String sessionId) {
    this.t = t;
    this.sessionId = sessionId;
  }

  public String sessionId() {
    return sessionId;
  }

  // ---- artifacts

  public static long crc(byte[] b) {
    CRC32 c = new CRC32();
    c.update(b);
    return c.getValue();
  }

  public static AddArtifactsRequest.ArtifactChunk chunk(byte[] b) {
    return AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(b)).setCrc(crc(b)).build();
  }

  public static AddArtifactsRequest.ArtifactChunk badChunk(byte[] b) {
    return AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(b)).setCrc(crc(b) ^ 1).build();
  }

  public AddArtifactsRequest.Builder artifacts() {
    return AddArtifactsRequest.newBuilder().setSessionId(sessionId).setUserContext(TestServer.USER);
  }

  /** A batch message; arguments alternate name, chunk. */
  public AddArtifactsRequest batch(Object... nameAndChunk) {
    AddArtifactsRequest.Batch.Builder b = AddArtifactsRequest.Batch.newBuilder();
    for (int i = 0; i < nameAndChunk.length; i += 2) {
      b.addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName((String) nameAndChunk[i])
          .setData((AddArtifactsRequest.ArtifactChunk) nameAndChunk[i + 1]));
    }
    return artifacts().setBatch(b).build();
  }

  public AddArtifactsRequest begin(String name, long totalBytes, long numChunks, AddArtifactsRequest.ArtifactChunk first) {
    return artifacts().setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder().setName(name)
        .setTotalBytes(totalBytes).setNumChunks(numChunks).setInitialChunk(first)).build();
  }

  public AddArtifactsRequest next(AddArtifactsRequest.ArtifactChunk c) {
    return artifacts().setChunk(c).build();
  }

  /** Sends the messages as one AddArtifacts stream and waits for the answer. */
  public AddArtifactsResponse upload(AddArtifactsRequest... requests) throws Exception {
    CompletableFuture<AddArtifactsResponse> result = new CompletableFuture<>();
    StreamObserver<AddArtifactsRequest> in = t.async.addArtifacts(new StreamObserver<>() {
      AddArtifactsResponse last;

      @Override
      public void onNext(AddArtifactsResponse r) {
        last = r;
      }

      @Override
      public void onError(Throwable e) {
        result.completeExceptionally(e);
      }

      @Override
      public void onCompleted() {
        result.complete(last);
      }
    });
    for (AddArtifactsRequest r : requests) {
      in.onNext(r);
    }
    in.onCompleted();
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /** Uploads one small artifact in a batch and checks it was accepted. */
  public void put(String name, byte[] content) throws Exception {
    AddArtifactsResponse r = upload(batch(name, chunk(content)));
    if (!r.getArtifacts(0).getIsCrcSuccessful()) {
      throw new AssertionError("upload of " + name + " failed its CRC");
    }
  }

  public ArtifactStatusesResponse status(String... names) {
    return t.blocking.artifactStatus(ArtifactStatusesRequest.newBuilder().setSessionId(sessionId)
        .setUserContext(TestServer.USER).addAllNames(List.of(names)).build());
  }

  public boolean exists(String name) {
    return status(name).getStatusesOrThrow(name).getExists();
  }

  // ---- config

  public ConfigRequest.Builder config() {
    return ConfigRequest.newBuilder().setSessionId(sessionId).setUserContext(TestServer.USER);
  }

  public ConfigResponse get(String... keys) {
    return t.blocking.config(config().setOperation(ConfigRequest.Operation.newBuilder()
        .setGet(ConfigRequest.Get.newBuilder().addAllKeys(List.of(keys)))).build());
  }

  public String getOne(String key) {
    return get(key).getPairs(0).getValue();
  }

  public ConfigResponse set(String key, String value) {
    return t.blocking.config(config().setOperation(ConfigRequest.Operation.newBuilder()
        .setSet(ConfigRequest.Set.newBuilder().addPairs(KeyValue.newBuilder().setKey(key).setValue(value)))).build());
  }

  // ---- execution

  public static Relation local(byte[] ipc) {
    return Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder().setData(ByteString.copyFrom(ipc))).build();
  }

  public static Relation range(long end) {
    return Relation.newBuilder().setRange(dev.cclr.proto.Range.newBuilder().setEnd(end).setStep(1)).build();
  }

  public ExecutePlanRequest.Builder execute(Relation relation) {
    return ExecutePlanRequest.newBuilder().setSessionId(sessionId).setUserContext(TestServer.USER)
        .setPlan(Plan.newBuilder().setRoot(relation));
  }

  public static ExecutePlanRequest.RequestOption reattachable() {
    return ExecutePlanRequest.RequestOption.newBuilder()
        .setReattachOptions(ReattachOptions.newBuilder().setReattachable(true)).build();
  }

  /** Runs the request to the end and returns every response. */
  public List<ExecutePlanResponse> collect(ExecutePlanRequest request) {
    List<ExecutePlanResponse> out = new ArrayList<>();
    Iterator<ExecutePlanResponse> it = t.blocking.executePlan(request);
    it.forEachRemaining(out::add);
    return out;
  }

  /** All row values of the ArrowBatch responses, in order (chunks joined). */
  public static List<Long> rows(List<ExecutePlanResponse> responses) {
    List<Long> values = new ArrayList<>();
    ByteString pending = ByteString.EMPTY;
    for (ExecutePlanResponse r : responses) {
      if (!r.hasArrowBatch()) {
        continue;
      }
      ExecutePlanResponse.ArrowBatch b = r.getArrowBatch();
      pending = pending.concat(b.getData());
      if (!b.hasNumChunksInBatch() || b.getChunkIndex() == b.getNumChunksInBatch() - 1) {
        values.addAll(Ipc.values(pending.toByteArray()));
        pending = ByteString.EMPTY;
      }
    }
    return values;
  }
}
