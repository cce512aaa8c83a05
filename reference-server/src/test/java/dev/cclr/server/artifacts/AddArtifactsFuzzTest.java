package dev.cclr.server.artifacts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.rpc.ErrorInfo;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsRequest.ArtifactChunk;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.UserContext;
import dev.cclr.server.config.ConfigRegistry;
import dev.cclr.server.errors.ErrorReporter;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.sessions.ErrorResponder;
import dev.cclr.server.sessions.Session;
import dev.cclr.server.sessions.SessionFactory;
import dev.cclr.server.sessions.SessionManager;
import dev.cclr.server.testing.FuzzChecks;
import dev.cclr.server.testing.FuzzScript;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: the AddArtifacts state machine. The input is a {@link FuzzScript} of up to 12
 * calls, each a sequence of batch / begin_chunk / chunk / empty messages with names built from
 * path pieces (cache/, keys, ../, ./, \, /, free text), any sizes, chunk counts and CRCs, ended by
 * the client's half-close or a cancellation. Each message goes to the server's own
 * {@link AddArtifactsStream} (with a small memory budget, so blobs spill to files too) and to
 * {@link UploadModel}. Property, after every call: the call succeeded exactly when the model
 * says so, with the model's summaries, or failed with one gRPC error carrying an ErrorInfo of a
 * kind AddArtifacts raises; the session's store holds exactly the model's blobs, byte for byte
 * (nothing partial visible), and ArtifactStatus agrees. After the script a valid upload in a new
 * session still works, and once the sessions are closed no blob memory or spill file is left
 * (only spares, which the directory counts exactly).
 */
class AddArtifactsFuzzTest {

  private static final String USER = "fuzzer";
  private static final List<String> SESSIONS =
      List.of("7c1e6e3a-0000-4000-8000-000000000001", "7c1e6e3a-0000-4000-8000-000000000002");
  private static final String FRESH_SESSION = "7c1e6e3a-0000-4000-8000-0000000000ff";
  /** Blobs above this many bytes in total go to files. */
  private static final long MEMORY_BUDGET = 256;
  /** Name pieces the fuzzer strings together. */
  static final List<String> NAME_PIECES = List.of("cache/", "k0", "k1", "/", "../", "./", "\\", "x.jar",
      " ", "cache", "jars/", "k2");
  /** Where blobs beyond the memory budget are spilled; empty again after every input. */
  private static final Path SPILL_DIR;
  private static final AtomicLong CALLS = new AtomicLong();
  private static final AtomicLong FAILED_CALLS = new AtomicLong();

  static {
    try {
      SPILL_DIR = Files.createTempDirectory("cclr-fuzz-artifacts-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A hang: an input taking longer fails (in its own thread, so that even a busy loop is cut short; Jazzer reads the value as its -timeout). */
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "20s")
  void upload(byte[] input) throws IOException {
    FuzzScript script = new FuzzScript(input);
    // A quota of at least 64 bytes leaves room for the liveness upload in a session of its own.
    long quota = script.flag() ? 64 + script.u16() : Long.MAX_VALUE;
    MemoryBudget budget = new MemoryBudget(MEMORY_BUDGET);
    SpillDirectory spillDir = SpillDirectory.unbounded(SPILL_DIR);
    SessionManager sessions = new SessionManager(new SessionFactory(
        new ConfigRegistry(ErrorStyle.SPARK_4_2), budget, spillDir, Map.of(), quota));
    ErrorResponder errors = new ErrorResponder(new ErrorReporter(ErrorStyle.SPARK_4_2), sessions);
    Map<String, UploadModel.Store> stores = new HashMap<>();
    try {
      for (int call = 0; call < 12 && script.hasMore(); call++) {
        runCall(script, sessions, errors, stores, quota);
      }
      stillServes(sessions, errors, quota);
    } finally {
      sessions.closeAll();
    }
    if (budget.used() != 0) {
      throw new AssertionError(budget.used() + " bytes of blob memory still reserved after every session closed");
    }
    // Freed blobs' files stay as spares (SpillDirectory); anything else left is a leak.
    long spareBytes = 0;
    try (Stream<Path> left = Files.list(SPILL_DIR)) {
      List<Path> files = left.toList();
      List<Path> notSpare = files.stream().filter(f -> !f.getFileName().toString().startsWith("spare-")).toList();
      if (!notSpare.isEmpty()) {
        files.forEach(f -> f.toFile().delete());
        throw new AssertionError("spill files left after every session closed: " + notSpare);
      }
      for (Path f : files) {
        spareBytes += Files.size(f);
      }
    }
    if (spillDir.used() != spareBytes || spillDir.spareBytes() != spareBytes) {
      throw new AssertionError("the spill directory counts " + spillDir.used() + " bytes in use and "
          + spillDir.spareBytes() + " spare, its spare files hold " + spareBytes);
    }
    spillDir.dropSpares();
    try (Stream<Path> left = Files.list(SPILL_DIR)) {
      if (left.findAny().isPresent()) {
        throw new AssertionError("spare files left after they were dropped");
      }
    }
  }

  private static void runCall(FuzzScript script, SessionManager sessions, ErrorResponder errors,
      Map<String, UploadModel.Store> stores, long quota) {
    int which = script.choose(4);
    String sessionId = which < 3 ? SESSIONS.get(which % 2) : script.string();
    boolean validSession = isUuid(sessionId);
    UploadModel.Store store = validSession
        ? stores.computeIfAbsent(sessionId, s -> new UploadModel.Store(quota))
        : new UploadModel.Store(quota);
    UploadModel model = new UploadModel(store, validSession);
    Recorder response = new Recorder();
    AddArtifactsStream server = new AddArtifactsStream(sessions, errors, response);
    int messages = script.choose(10);
    for (int m = 0; m < messages; m++) {
      AddArtifactsRequest.Builder req = AddArtifactsRequest.newBuilder().setSessionId(sessionId)
          .setUserContext(UserContext.newBuilder().setUserId(USER));
      switch (script.choose(4)) {
        case 0 -> {
          int n = script.choose(4);
          List<Map.Entry<String, UploadModel.Chunk>> entries = new ArrayList<>();
          AddArtifactsRequest.Batch.Builder batch = AddArtifactsRequest.Batch.newBuilder();
          for (int i = 0; i < n; i++) {
            String name = name(script);
            UploadModel.Chunk c = chunk(script);
            entries.add(new AbstractMap.SimpleEntry<>(name, c));
            batch.addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName(name)
                .setData(proto(c)));
          }
          model.batch(entries);
          req.setBatch(batch);
        }
        case 1 -> {
          String name = name(script);
          long total = script.i64();
          long numChunks = script.flag() ? script.u8() : script.i64();
          UploadModel.Chunk c = chunk(script);
          model.begin(name, total, numChunks, c);
          req.setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder().setName(name)
              .setTotalBytes(total).setNumChunks(numChunks).setInitialChunk(proto(c)));
        }
        case 2 -> {
          UploadModel.Chunk c = chunk(script);
          model.chunk(c);
          req.setChunk(proto(c));
        }
        default -> model.empty();
      }
      server.onNext(req.build());
    }
    boolean cancel = script.choose(4) == 3;
    CALLS.incrementAndGet();
    if (cancel) {
      server.onError(Status.CANCELLED.asRuntimeException());
      if (model.failed()) {
        response.expectError(model.failure);
        FAILED_CALLS.incrementAndGet();
      } else {
        response.expectNothing();
      }
    } else {
      model.complete(messages > 0);
      server.onCompleted();
      if (model.failed()) {
        response.expectError(model.failure);
        FAILED_CALLS.incrementAndGet();
      } else {
        model.commit();
        response.expectSummaries(model.artifacts);
      }
    }
    if (validSession) {
      checkStore(sessions, sessionId, store);
    }
  }

  /** The session's store holds exactly the model's blobs, and ArtifactStatus says so. */
  private static void checkStore(SessionManager sessions, String sessionId, UploadModel.Store expected) {
    Session session = sessions.find(USER, sessionId).orElse(null);
    if (session == null) {
      if (!expected.blobs.isEmpty()) {
        throw new AssertionError("session " + sessionId + " lost with blobs " + expected.blobs.keySet());
      }
      return;
    }
    BlobStore store = session.blobs();
    if (store.count() != expected.blobs.size() || store.storedBytes() != expected.storedBytes()) {
      throw new AssertionError("store holds " + store.count() + " blobs / " + store.storedBytes()
          + " bytes, expected " + expected.blobs.keySet() + " / " + expected.storedBytes());
    }
    ArtifactStatusesRequest.Builder status = ArtifactStatusesRequest.newBuilder();
    expected.blobs.forEach((key, bytes) -> {
      byte[] stored = read(store, key);
      if (!Arrays.equals(stored, bytes)) {
        throw new AssertionError("blob " + key + " holds " + (stored == null ? "nothing" : stored.length
            + " bytes") + ", expected the " + bytes.length + " bytes uploaded");
      }
      status.addNames("cache/" + key);
    });
    var statuses = ArtifactStatusHandler.handle(status.build(), session).getStatusesMap();
    statuses.forEach((name, s) -> {
      if (!s.getExists()) {
        throw new AssertionError("ArtifactStatus says stored " + name + " does not exist");
      }
    });
  }

  private static byte[] read(BlobStore store, String key) {
    try {
      var in = store.open(key);
      if (in.isEmpty()) {
        return null;
      }
      try (InputStream s = in.get()) {
        return s.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server keeps serving: a valid batch and chunked upload in a new session are stored. */
  private static void stillServes(SessionManager sessions, ErrorResponder errors, long quota) {
    UploadModel.Store expected = new UploadModel.Store(quota);
    UploadModel model = new UploadModel(expected, true);
    Recorder response = new Recorder();
    AddArtifactsStream server = new AddArtifactsStream(sessions, errors, response);
    byte[] small = {1, 2, 3};
    byte[] part1 = "chunked-".getBytes();
    byte[] part2 = "artifact".getBytes();
    AddArtifactsRequest.Builder base = AddArtifactsRequest.newBuilder().setSessionId(FRESH_SESSION)
        .setUserContext(UserContext.newBuilder().setUserId(USER));
    UploadModel.Chunk smallChunk = UploadModel.Chunk.good(small);
    model.batch(List.of(new AbstractMap.SimpleEntry<>("cache/live1", smallChunk)));
    server.onNext(base.clone().setBatch(AddArtifactsRequest.Batch.newBuilder().addArtifacts(
        AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName("cache/live1").setData(proto(smallChunk))))
        .build());
    UploadModel.Chunk c1 = UploadModel.Chunk.good(part1);
    UploadModel.Chunk c2 = UploadModel.Chunk.good(part2);
    model.begin("cache/live2", part1.length + part2.length, 2, c1);
    server.onNext(base.clone().setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
        .setName("cache/live2").setTotalBytes(part1.length + part2.length).setNumChunks(2)
        .setInitialChunk(proto(c1))).build());
    model.chunk(c2);
    server.onNext(base.clone().setChunk(proto(c2)).build());
    model.complete(true);
    server.onCompleted();
    if (model.failed()) {
      throw new AssertionError("the model refuses the liveness upload (quota " + quota + ")");
    }
    model.commit();
    response.expectSummaries(model.artifacts);
    checkStore(sessions, FRESH_SESSION, expected);
  }

  static String name(FuzzScript script) {
    int pieces = 1 + script.choose(4);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      int p = script.choose(NAME_PIECES.size() + 1);
      b.append(p < NAME_PIECES.size() ? NAME_PIECES.get(p) : script.string());
    }
    return b.toString();
  }

  static UploadModel.Chunk chunk(FuzzScript script) {
    byte[] data = script.bytes();
    return script.flag() ? UploadModel.Chunk.good(data) : new UploadModel.Chunk(data, script.i64());
  }

  private static ArtifactChunk proto(UploadModel.Chunk c) {
    return ArtifactChunk.newBuilder().setData(ByteString.copyFrom(c.data())).setCrc(c.crc()).build();
  }

  private static boolean isUuid(String s) {
    try {
      java.util.UUID.fromString(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The reasons AddArtifacts fails with, and for the generic Java ones the words its messages
   * use; any other error (a NullPointerException the reporter turned into an ErrorInfo, say) is a
   * finding.
   */
  private static final Map<String, List<String>> EXPECTED_FAILURES = Map.of(
      "org.apache.spark.SparkRuntimeException", List.of("INVALID_ARTIFACT_PATH", "CCLR_SESSION_STORAGE_QUOTA_EXCEEDED"),
      "org.apache.spark.SparkSQLException", List.of("INVALID_HANDLE"),
      "java.lang.IllegalArgumentException", List.of("requirement failed"),
      "java.lang.RuntimeException", List.of("data chunks for artifact"),
      "java.lang.UnsupportedOperationException", List.of("Unsupported data transfer request"));

  /** Records what the server sends on one call's response stream. */
  private static final class Recorder implements StreamObserver<AddArtifactsResponse> {
    final List<AddArtifactsResponse> responses = new ArrayList<>();
    Throwable error;
    int terminal;

    @Override public void onNext(AddArtifactsResponse r) {
      if (terminal > 0) {
        throw new AssertionError("response after the call ended");
      }
      responses.add(r);
    }

    @Override public void onError(Throwable t) {
      terminal++;
      error = t;
    }

    @Override public void onCompleted() {
      terminal++;
    }

    void expectNothing() {
      if (terminal != 0 || !responses.isEmpty()) {
        throw new AssertionError("a cancelled call got an answer: " + responses + " / " + error);
      }
    }

    void expectError(String why) {
      if (terminal != 1 || error == null || !responses.isEmpty()) {
        throw new AssertionError("expected exactly one error (" + why + "), got " + responses + " / "
            + terminal + " terminal events / " + error);
      }
      ErrorInfo info = FuzzChecks.errorInfo(error);
      String description = Status.fromThrowable(error).getDescription();
      List<String> words = EXPECTED_FAILURES.get(info.getReason());
      String text = info.getMetadataOrDefault("errorClass", "") + " " + description;
      if (words == null || words.stream().noneMatch(text::contains)) {
        throw new AssertionError("AddArtifacts failed in an unexpected way: " + info.getReason() + ": "
            + description, error);
      }
    }

    void expectSummaries(List<UploadModel.Artifact> artifacts) {
      if (error != null) {
        throw new AssertionError("the call failed though the model accepts it: "
            + Status.fromThrowable(error).getDescription(), error);
      }
      if (terminal != 1 || responses.size() != 1) {
        throw new AssertionError("expected one response and completion, got " + responses.size()
            + " responses, " + terminal + " terminal events");
      }
      List<AddArtifactsResponse.ArtifactSummary> got = responses.get(0).getArtifactsList();
      List<String> expected = artifacts.stream().map(a -> a.name + "=" + a.crcOk).toList();
      List<String> actual = got.stream().map(s -> s.getName() + "=" + s.getIsCrcSuccessful()).toList();
      if (!expected.equals(actual)) {
        throw new AssertionError("summaries " + actual + ", expected " + expected);
      }
    }
  }

  @AfterAll
  static void report() throws IOException {
    System.out.println("AddArtifactsFuzzTest: " + CALLS.get() + " calls, " + FAILED_CALLS.get()
        + " ended in an error");
    Files.deleteIfExists(SPILL_DIR);
  }
}
