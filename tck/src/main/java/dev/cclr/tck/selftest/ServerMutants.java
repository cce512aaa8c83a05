package dev.cclr.tck.selftest;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.DataType;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.tck.client.SparkArtifactFraming;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The server mutants of the self-test, each a fresh {@link Mutation} per run. */
public final class ServerMutants {
  private static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
  private static final String SIZE_LIMIT = "spark.sql.session.localRelationSizeLimit";
  private static final String CHUNK_LIMIT = "spark.sql.session.localRelationChunkSizeLimit";

  private ServerMutants() {}

  /** A key nobody uploads, so an empty dataHashes turns into a missing-blob error instead of the right one. */
  private static final String EMPTY_STREAM_KEY = "0".repeat(64);

  record Definition(String id, String deviation, Set<String> caughtBy, Supplier<Mutation> mutation) {}

  private static final List<Definition> ALL = List.of(
      new Definition("drop-repeated-hash", "uses each listed key once, dropping repeats",
          Set.of("SRV-SEM-002"), () -> chunked(r -> r.toBuilder().clearDataHashes()
              .addAllDataHashes(new LinkedHashSet<>(r.getDataHashesList())).build())),
      new Definition("reverse-chunks", "reads the chunks in reverse dataHashes order",
          Set.of("SRV-SEM-001"), () -> chunked(r -> {
            List<String> keys = new ArrayList<>(r.getDataHashesList());
            Collections.reverse(keys);
            return r.toBuilder().clearDataHashes().addAllDataHashes(keys).build();
          })),
      new Definition("ignore-schema-blob", "ignores schemaHash and uses the chunks' Arrow schema",
          Set.of("SRV-REL-004", "SRV-SEM-004", "SRV-SEM-005", "SRV-SCH-002", "SRV-SCH-005", "SRV-SCH-006"),
          () -> chunked(r -> r.toBuilder().clearSchemaHash().build())),
      new Definition("only-first-chunk", "reads only the first chunk",
          Set.of("SRV-SEM-001", "SRV-SEM-002", "SRV-SEM-007"), () -> chunked(r -> r.getDataHashesCount() <= 1 ? r
              : r.toBuilder().clearDataHashes().addDataHashes(r.getDataHashes(0)).build())),
      new Definition("status-always-exists", "ArtifactStatus answers exists = true for every name",
          Set.of("SRV-STA-002"), () -> response("ArtifactStatus", ArtifactStatusesResponse.class, r -> {
            ArtifactStatusesResponse.Builder b = r.toBuilder().clearStatuses();
            r.getStatusesMap().keySet().forEach(n -> b.putStatuses(n, ArtifactStatusesResponse.ArtifactStatus.newBuilder().setExists(true).build()));
            return b.build();
          })),
      new Definition("status-never-exists", "ArtifactStatus answers exists = false for every name",
          Set.of("SRV-STA-002", "SRV-ART-006", "SRV-ART-009", "SRV-STA-003"), () -> response("ArtifactStatus", ArtifactStatusesResponse.class, r -> {
            ArtifactStatusesResponse.Builder b = r.toBuilder().clearStatuses();
            r.getStatusesMap().keySet().forEach(n -> b.putStatuses(n, ArtifactStatusesResponse.ArtifactStatus.newBuilder().setExists(false).build()));
            return b.build();
          })),
      new Definition("status-drops-names", "ArtifactStatus leaves absent names out of the answer",
          Set.of("SRV-STA-001"), () -> response("ArtifactStatus", ArtifactStatusesResponse.class, r -> {
            ArtifactStatusesResponse.Builder b = r.toBuilder().clearStatuses();
            r.getStatusesMap().forEach((n, s) -> {
              if (s.getExists()) {
                b.putStatuses(n, s);
              }
            });
            return b.build();
          })),
      new Definition("crc-not-checked", "stores pieces whatever their CRC",
          Set.of("SRV-ART-005"), () -> request("AddArtifacts", AddArtifactsRequest.class, ServerMutants::fixCrcs)),
      new Definition("summaries-missing", "answers AddArtifacts without summaries",
          Set.of("SRV-ART-006"), () -> response("AddArtifacts", AddArtifactsResponse.class, r -> r.toBuilder().clearArtifacts().build())),
      new Definition("crc-reported-ok", "reports every artifact's CRC as successful",
          Set.of("SRV-ART-005", "SRV-ART-006"), () -> response("AddArtifacts", AddArtifactsResponse.class, r -> {
            AddArtifactsResponse.Builder b = r.toBuilder();
            for (int i = 0; i < b.getArtifactsCount(); i++) {
              b.getArtifactsBuilder(i).setIsCrcSuccessful(true);
            }
            return b.build();
          })),
      new Definition("size-limit-off-by-one", "lets a relation one byte over localRelationSizeLimit through",
          Set.of("SRV-LIM-006", "SRV-LIM-004", "SRV-LIM-008", "SRV-ERR-009"), () -> raiseLimit(SIZE_LIMIT)),
      new Definition("chunk-limit-off-by-one", "lets a blob one byte over localRelationChunkSizeLimit through",
          Set.of("SRV-LIM-007", "SRV-LIM-004", "SRV-LIM-008", "SRV-ERR-010"), () -> raiseLimit(CHUNK_LIMIT)),
      new Definition("config-reports-units", "reports localRelationChunkSizeRows and the other client keys with a unit suffix",
          Set.of("SRV-LIM-002", "SRV-LIM-001"), () -> response("Config", ConfigResponse.class, r -> {
            ConfigResponse.Builder b = r.toBuilder();
            for (int i = 0; i < b.getPairsCount(); i++) {
              KeyValue kv = b.getPairs(i);
              if (kv.getKey().startsWith("spark.sql.session.localRelation") && kv.hasValue() && kv.getValue().matches("\\d+")) {
                b.setPairs(i, kv.toBuilder().setValue(kv.getValue() + "b"));
              }
            }
            return b.build();
          })),
      new Definition("wrong-error-class", "reports every error class as INTERNAL_ERROR",
          Set.of("SRV-ERR-002", "SRV-ERR-008", "SRV-ERR-009", "SRV-ERR-010", "SRV-ERR-011", "SRV-ERR-012", "SRV-ERR-013"),
          () -> errorInfo(info -> info.toBuilder().putMetadata("errorClass", "INTERNAL_ERROR").build())),
      new Definition("error-code-unknown", "ends failed calls with UNKNOWN instead of INTERNAL",
          Set.of("SRV-ERR-001"), () -> new Mutation() {
            @Override
            public Ending end(String method, Status status, Metadata trailers) {
              return status.getCode() == Status.Code.INTERNAL
                  ? new Ending(Status.UNKNOWN.withDescription(status.getDescription()), trailers) : new Ending(status, trailers);
            }
          }),
      new Definition("error-without-details", "sends errors without the ErrorInfo status details",
          Set.of("SRV-ERR-001", "SRV-ERR-002"), () -> new Mutation() {
            @Override
            public Ending end(String method, Status status, Metadata trailers) {
              if (!status.isOk()) {
                trailers.removeAll(DETAILS);
              }
              return new Ending(status, trailers);
            }
          }),
      new Definition("errors-as-empty-results", "ends a failed ExecutePlan as a success with no rows",
          Set.of("SRV-ERR-006", "SRV-REL-003", "SRV-SCH-006", "SRV-SEM-003", "SRV-CHK-003", "SRV-LIM-006", "SRV-REL-002"),
          () -> new Mutation() {
            @Override
            public Ending end(String method, Status status, Metadata trailers) {
              // Both the first stream and any reattached one: the TCK's client reattaches when a stream ends early.
              boolean execution = method.equals("ExecutePlan") || method.equals("ReattachExecute");
              return execution && !status.isOk() ? new Ending(Status.OK, new Metadata()) : new Ending(status, trailers);
            }
          }),
      new Definition("drop-result-batches-after-first", "sends only the first result batch of an execution",
          Set.of("SRV-SEM-007", "SRV-SEM-001", "SRV-SEM-002"), () -> new Mutation() {
            private final Set<String> seen = Collections.synchronizedSet(new java.util.HashSet<>());

            @Override
            public Message response(String method, Message m) {
              if (m instanceof ExecutePlanResponse r && r.hasArrowBatch() && r.getArrowBatch().getRowCount() > 0
                  && !seen.add(r.getOperationId())) {
                return null;
              }
              return m;
            }
          }),
      new Definition("server-session-id-changes", "puts a new server_side_session_id on every response",
          Set.of("SRV-SES-003"), () -> new Mutation() {
            @Override
            public Message response(String method, Message m) {
              var f = m.getDescriptorForType().findFieldByName("server_side_session_id");
              return f == null ? m : m.toBuilder().setField(f, UUID.randomUUID().toString()).build();
            }
          }),
      new Definition("session-id-not-echoed", "answers with a different session_id than the request's",
          Set.of("SRV-SES-003"), () -> new Mutation() {
            @Override
            public Message response(String method, Message m) {
              var f = m.getDescriptorForType().findFieldByName("session_id");
              return f == null ? m : m.toBuilder().setField(f, UUID.randomUUID().toString()).build();
            }
          }),
      new Definition("stale-session-accepted", "ignores client_observed_server_side_session_id",
          Set.of("SRV-SES-004"), () -> new Mutation() {
            @Override
            public Message request(String method, Message m) {
              var f = m.getDescriptorForType().findFieldByName("client_observed_server_side_session_id");
              return f == null ? m : m.toBuilder().clearField(f).build();
            }
          }),
      new Definition("shared-blob-store", "keeps one blob store for all sessions of a user",
          Set.of("SRV-SES-001", "SRV-STA-002", "SRV-REL-002", "SRV-SEC-003"), SharedSession::new),
      new Definition("analyze-schema-all-nullable", "AnalyzePlan reports every column nullable",
          Set.of("SRV-SEM-008", "SRV-CHK-004", "SRV-SEM-004"), () -> response("AnalyzePlan", AnalyzePlanResponse.class, r ->
              r.hasSchema() ? r.toBuilder().setSchema(r.getSchema().toBuilder().setSchema(allNullable(r.getSchema().getSchema()))).build() : r)),
      new Definition("empty-data-hashes-accepted", "plans an empty dataHashes as an empty relation",
          Set.of("SRV-REL-003", "SRV-ERR-008", "SRV-ERR-004"), () -> chunked(r -> r.getDataHashesCount() > 0 ? r
              : r.toBuilder().addDataHashes(EMPTY_STREAM_KEY).build())));

  /** Every mutant, fresh. */
  public static List<ServerMutant> all() {
    return ALL.stream().map(d -> new ServerMutant(d.id(), d.deviation(), d.caughtBy(), d.mutation().get())).toList();
  }

  public static Optional<ServerMutant> find(String id) {
    return all().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static Mutation chunked(java.util.function.UnaryOperator<ChunkedCachedLocalRelation> change) {
    return new Mutation() {
      @Override
      public Message request(String method, Message m) {
        return method.equals("ExecutePlan") || method.equals("AnalyzePlan")
            ? ProtoRewrite.everywhere(m, ChunkedCachedLocalRelation.class, change) : m;
      }
    };
  }

  private static <T extends Message> Mutation response(String method, Class<T> type, java.util.function.UnaryOperator<T> change) {
    return new Mutation() {
      @Override
      public Message response(String called, Message m) {
        return called.equals(method) && type.isInstance(m) ? change.apply(type.cast(m)) : m;
      }
    };
  }

  private static <T extends Message> Mutation request(String method, Class<T> type, java.util.function.UnaryOperator<T> change) {
    return new Mutation() {
      @Override
      public Message request(String called, Message m) {
        return called.equals(method) && type.isInstance(m) ? change.apply(type.cast(m)) : m;
      }
    };
  }

  private static AddArtifactsRequest fixCrcs(AddArtifactsRequest a) {
    AddArtifactsRequest.Builder b = a.toBuilder();
    if (a.hasBatch()) {
      for (int i = 0; i < a.getBatch().getArtifactsCount(); i++) {
        var data = a.getBatch().getArtifacts(i).getData();
        b.getBatchBuilder().getArtifactsBuilder(i).getDataBuilder().setCrc(SparkArtifactFraming.crc32(data.getData()));
      }
    } else if (a.hasBeginChunk()) {
      b.getBeginChunkBuilder().getInitialChunkBuilder().setCrc(SparkArtifactFraming.crc32(a.getBeginChunk().getInitialChunk().getData()));
    } else if (a.hasChunk()) {
      b.getChunkBuilder().setCrc(SparkArtifactFraming.crc32(a.getChunk().getData()));
    }
    return b.build();
  }

  /** Config set of the limit reaches the server one byte higher than the client asked. */
  private static Mutation raiseLimit(String key) {
    return request("Config", ConfigRequest.class, r -> {
      if (!r.getOperation().hasSet()) {
        return r;
      }
      ConfigRequest.Builder b = r.toBuilder();
      var set = b.getOperationBuilder().getSetBuilder();
      for (int i = 0; i < set.getPairsCount(); i++) {
        KeyValue kv = set.getPairs(i);
        if (kv.getKey().equals(key) && kv.getValue().trim().matches("\\d+")) {
          set.setPairs(i, kv.toBuilder().setValue(Long.toString(Long.parseLong(kv.getValue().trim()) + 1)));
        }
      }
      return b.build();
    });
  }

  private static Mutation errorInfo(java.util.function.UnaryOperator<ErrorInfo> change) {
    return new Mutation() {
      @Override
      public Ending end(String method, Status status, Metadata trailers) {
        byte[] bytes = trailers.get(DETAILS);
        if (status.isOk() || bytes == null) {
          return new Ending(status, trailers);
        }
        try {
          com.google.rpc.Status details = com.google.rpc.Status.parseFrom(bytes);
          com.google.rpc.Status.Builder b = details.toBuilder().clearDetails();
          for (Any any : details.getDetailsList()) {
            b.addDetails(any.is(ErrorInfo.class) ? Any.pack(change.apply(any.unpack(ErrorInfo.class))) : any);
          }
          trailers.removeAll(DETAILS);
          trailers.put(DETAILS, b.build().toByteArray());
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
        return new Ending(status, trailers);
      }
    };
  }

  private static DataType allNullable(DataType t) {
    if (!t.hasStruct()) {
      return t;
    }
    DataType.Struct.Builder s = t.getStruct().toBuilder();
    for (int i = 0; i < s.getFieldsCount(); i++) {
      s.getFieldsBuilder(i).setNullable(true);
    }
    return t.toBuilder().setStruct(s).build();
  }

  /** Every session of a user is mapped onto the first session id the mutant saw for that user. */
  private static final class SharedSession implements Mutation {
    private final Map<String, String> firstSession = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Message request(String method, Message m) {
      if (!method.equals("AddArtifacts") && !method.equals("ArtifactStatus") && !method.equals("ExecutePlan")
          && !method.equals("AnalyzePlan")) {
        return m;
      }
      var sessionField = m.getDescriptorForType().findFieldByName("session_id");
      var observed = m.getDescriptorForType().findFieldByName("client_observed_server_side_session_id");
      String user = dev.cclr.tck.clienttck.recording.ClientTrace.userId(m);
      String shared = firstSession.computeIfAbsent(user, u -> (String) m.getField(sessionField));
      Message.Builder b = m.toBuilder().setField(sessionField, shared);
      if (observed != null) {
        b.clearField(observed);
      }
      return b.build();
    }
  }
}
