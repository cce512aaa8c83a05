package dev.cclr.tck.clienttck.checks;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import dev.cclr.proto.UserContext;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.SparkArtifactFraming;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.drivers.DriverOutcome;
import dev.cclr.tck.clienttck.recording.CallRecord;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.HandMadeCalls;
import dev.cclr.tck.clienttck.recording.RecordingServer;
import dev.cclr.tck.clienttck.recording.ServerScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client's conversation with the recording server, written down call by call as the recorder
 * would have stored it: every request carries the session fields and credential the simulated
 * client currently uses, every response the server-side session id the server currently has.
 * Change a field between calls to make the client misbehave.
 */
final class ClientSim {
  static final String SESSION = "6f1c9a52-3b7e-4d2a-9c1e-2a4b6c8d0e1f";
  static final String USER = "judge";
  static final String CREDENTIAL = "secret-1";
  static final String SERVER_SIDE = "0a1b2c3d-0000-4000-8000-000000000001";

  String session = SESSION;
  String user = USER;
  /** The credential header's value; null sends none. */
  String credential = CREDENTIAL;
  String serverSide = SERVER_SIDE;
  /** When false, requests do not report the server-side session id seen last. */
  boolean reportObserved = true;

  private String observed = "";
  private final List<CallRecord> calls = new ArrayList<>();

  /** Reads the settings with one Config get. */
  ClientSim readSettings(List<String> keys) {
    return config(ConfigRequest.Operation.newBuilder().setGet(ConfigRequest.Get.newBuilder().addAllKeys(keys)).build());
  }

  ClientSim config(ConfigRequest.Operation op) {
    ConfigRequest.Builder r = ConfigRequest.newBuilder().setSessionId(session).setUserContext(user()).setOperation(op);
    if (reportObserved && !observed.isEmpty()) {
      r.setClientObservedServerSideSessionId(observed);
    }
    return add("Config", List.of(r.build()),
        List.of(ConfigResponse.newBuilder().setSessionId(session).setServerSideSessionId(serverSide).build()), null, List.of());
  }

  /** An ArtifactStatus call whose answer maps every name to whether it is in {@code present}. */
  ClientSim status(List<String> names, Set<String> present) {
    return status(names, present, false);
  }

  /** As {@link #status}, but the answer leaves the absent names out (omitAbsentFromStatus). */
  ClientSim statusOmittingAbsent(List<String> names, Set<String> present) {
    return status(names, present, true);
  }

  private ClientSim status(List<String> names, Set<String> present, boolean omitAbsent) {
    ArtifactStatusesRequest.Builder r = ArtifactStatusesRequest.newBuilder().setSessionId(session).setUserContext(user())
        .addAllNames(names);
    if (reportObserved && !observed.isEmpty()) {
      r.setClientObservedServerSideSessionId(observed);
    }
    ArtifactStatusesResponse.Builder answer = ArtifactStatusesResponse.newBuilder().setSessionId(session)
        .setServerSideSessionId(serverSide);
    for (String name : names) {
      if (present.contains(name) || !omitAbsent) {
        answer.putStatuses(name, ArtifactStatusesResponse.ArtifactStatus.newBuilder().setExists(present.contains(name)).build());
      }
    }
    return add("ArtifactStatus", List.of(r.build()), List.of(answer.build()), null, List.of());
  }

  /** The blobs framed as Spark frames them, every one confirmed. */
  ClientSim upload(List<ArtifactBlob> blobs) {
    return upload(SparkArtifactFraming.frame(blobs), Set.of());
  }

  /**
   * AddArtifacts with exactly these payloads; the server's summary lists every artifact the
   * payloads name, with a failed CRC for the names in {@code crcFailed}.
   */
  ClientSim upload(List<AddArtifactsRequest> payloads, Set<String> crcFailed) {
    List<AddArtifactsRequest> requests = new ArrayList<>();
    AddArtifactsResponse.Builder answer = AddArtifactsResponse.newBuilder().setSessionId(session).setServerSideSessionId(serverSide);
    for (AddArtifactsRequest p : payloads) {
      AddArtifactsRequest.Builder r = p.toBuilder().setSessionId(session).setUserContext(user());
      if (reportObserved && !observed.isEmpty()) {
        r.setClientObservedServerSideSessionId(observed);
      }
      requests.add(r.build());
      List<String> names = new ArrayList<>();
      p.getBatch().getArtifactsList().forEach(a -> names.add(a.getName()));
      if (p.hasBeginChunk()) {
        names.add(p.getBeginChunk().getName());
      }
      names.forEach(n -> answer.addArtifacts(AddArtifactsResponse.ArtifactSummary.newBuilder().setName(n)
          .setIsCrcSuccessful(!crcFailed.contains(n))));
    }
    return add("AddArtifacts", requests, List.of(answer.build()), null, List.of());
  }

  ClientSim execute(Relation relation) {
    return execute(relation, null, List.of());
  }

  /** An ExecutePlan that ends with {@code error} (when not null), with what the script did to it. */
  ClientSim execute(Relation relation, RemoteError error, List<String> scripted) {
    ExecutePlanRequest.Builder r = ExecutePlanRequest.newBuilder().setSessionId(session).setUserContext(user())
        .setPlan(Plan.newBuilder().setRoot(relation));
    if (reportObserved && !observed.isEmpty()) {
      r.setClientObservedServerSideSessionId(observed);
    }
    return add("ExecutePlan", List.of(r.build()),
        List.of(ExecutePlanResponse.newBuilder().setSessionId(session).setServerSideSessionId(serverSide).build()), error, scripted);
  }

  ClientSim analyze(Relation relation) {
    AnalyzePlanRequest.Builder r = AnalyzePlanRequest.newBuilder().setSessionId(session).setUserContext(user())
        .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(Plan.newBuilder().setRoot(relation)));
    if (reportObserved && !observed.isEmpty()) {
      r.setClientObservedServerSideSessionId(observed);
    }
    return add("AnalyzePlan", List.of(r.build()),
        List.of(AnalyzePlanResponse.newBuilder().setSessionId(session).setServerSideSessionId(serverSide).build()), null, List.of());
  }

  ClientTrace trace() {
    return new ClientTrace(calls);
  }

  /** The run judged: the driver returned {@code rows} (when present) or {@code error}. */
  ClientRun run(CanonicalTable input, ServerScript script, Optional<CanonicalTable> rows,
      Optional<DriverOutcome.ClientError> error) {
    return new ClientRun(input, trace(), new DriverOutcome(rows, error, Duration.ofMillis(5), ""), script, CREDENTIAL);
  }

  private UserContext user() {
    return UserContext.newBuilder().setUserId(user).build();
  }

  private ClientSim add(String method, List<? extends Message> requests, List<? extends Message> responses, RemoteError error,
      List<String> scripted) {
    Map<String, String> headers = new HashMap<>();
    if (credential != null) {
      headers.put(RecordingServer.CREDENTIAL_HEADER, credential);
    }
    calls.add(HandMadeCalls.call(calls.size() + 1, method, headers, requests, responses, error, scripted));
    observed = serverSide;
    return this;
  }

  /** The bytes as one artifact named by its content, as a conforming client names it. */
  static ArtifactBlob cacheBlob(ByteString data) {
    return new ArtifactBlob("cache/" + dev.cclr.tck.client.ChunkedUpload.sha256Hex(data), data);
  }
}
