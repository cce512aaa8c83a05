package dev.cclr.driver.sparkjvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.ArtifactStatusesRequest;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.sparkproject.com.google.protobuf.ByteString;
import org.sparkproject.com.google.protobuf.Message;

/**
 * The summary of one RPC: what was asked, never the bulk data. Requests of the methods that
 * matter to local relations are summarised in detail; others only by name and final status.
 */
final class WireCall {

  private static final int MAX_SCHEMA_CHARS = 2_000;

  private final int seq;
  private final String method;
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final List<Object> relations = new ArrayList<>();
  private final Map<String, Map<String, Object>> artifacts = new LinkedHashMap<>();
  private String currentChunkedArtifact;
  private int messages;
  private int crcMismatches;
  private String status;

  WireCall(int seq, String method) {
    this.seq = seq;
    this.method = method;
  }

  synchronized void closed(String code) {
    status = code;
  }

  synchronized void request(Object message) {
    messages++;
    if (message instanceof ArtifactStatusesRequest r) {
      details.put("names", new ArrayList<>(r.getNamesList()));
    } else if (message instanceof AddArtifactsRequest r) {
      addArtifacts(r);
    } else if (message instanceof ConfigRequest r) {
      config(r);
    } else if (message instanceof ExecutePlanRequest r) {
      details.put("operationId", r.hasOperationId() ? r.getOperationId() : null);
      RelationFinder.find(r.getPlan(), relations);
    } else if (message instanceof AnalyzePlanRequest r) {
      details.put("analyze", r.getAnalyzeCase().name());
      RelationFinder.find(r, relations);
    }
  }

  private void addArtifacts(AddArtifactsRequest r) {
    switch (r.getPayloadCase()) {
      case BATCH -> {
        for (AddArtifactsRequest.SingleChunkArtifact a : r.getBatch().getArtifactsList()) {
          Map<String, Object> entry = artifact(a.getName(), "batch");
          entry.put("declaredBytes", (long) a.getData().getData().size());
          piece(entry, a.getData());
        }
      }
      case BEGIN_CHUNK -> {
        AddArtifactsRequest.BeginChunkedArtifact b = r.getBeginChunk();
        Map<String, Object> entry = artifact(b.getName(), "chunked");
        entry.put("declaredBytes", b.getTotalBytes());
        entry.put("declaredChunks", b.getNumChunks());
        currentChunkedArtifact = b.getName();
        piece(entry, b.getInitialChunk());
      }
      case CHUNK -> {
        Map<String, Object> entry = currentChunkedArtifact == null ? null : artifacts.get(currentChunkedArtifact);
        if (entry == null) {
          details.put("chunkWithoutBegin", true);
        } else {
          piece(entry, r.getChunk());
        }
      }
      default -> details.put("emptyPayloads", (int) details.getOrDefault("emptyPayloads", 0) + 1);
    }
  }

  private Map<String, Object> artifact(String name, String form) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("form", form);
    entry.put("declaredBytes", null);
    entry.put("sentBytes", 0L);
    entry.put("pieces", 0);
    // A name sent twice in one stream would be a client bug worth seeing, so keep both.
    String key = artifacts.containsKey(name) ? name + "#" + artifacts.size() : name;
    artifacts.put(key, entry);
    return entry;
  }

  private void piece(Map<String, Object> entry, AddArtifactsRequest.ArtifactChunk chunk) {
    ByteString data = chunk.getData();
    entry.put("sentBytes", (long) entry.get("sentBytes") + data.size());
    entry.put("pieces", (int) entry.get("pieces") + 1);
    CRC32 crc = new CRC32();
    crc.update(data.asReadOnlyByteBuffer());
    if (crc.getValue() != chunk.getCrc()) {
      crcMismatches++;
    }
  }

  private void config(ConfigRequest r) {
    ConfigRequest.Operation op = r.getOperation();
    details.put("operation", op.getOpTypeCase().name());
    switch (op.getOpTypeCase()) {
      case GET -> details.put("keys", new ArrayList<>(op.getGet().getKeysList()));
      case GET_OPTION -> details.put("keys", new ArrayList<>(op.getGetOption().getKeysList()));
      case GET_WITH_DEFAULT -> details.put("keys",
          op.getGetWithDefault().getPairsList().stream().map(p -> p.getKey()).toList());
      case SET -> details.put("pairs", op.getSet().getPairsList().stream()
          .map(p -> p.getKey() + "=" + (p.hasValue() ? p.getValue() : "")).toList());
      case UNSET -> details.put("keys", new ArrayList<>(op.getUnset().getKeysList()));
      default -> { }
    }
  }

  synchronized Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    m.put("method", method);
    m.put("status", status);
    m.put("messages", messages);
    m.putAll(details);
    if (method.equals("ExecutePlan") || method.equals("AnalyzePlan")) {
      m.put("relations", relations);
    }
    if (method.equals("AddArtifacts")) {
      m.put("artifacts", new ArrayList<>(artifacts.values()));
      m.put("crcMismatches", crcMismatches);
    }
    return m;
  }

  /** Finds the local-data relations anywhere in a request, whatever operators sit above them. */
  static final class RelationFinder {
    private RelationFinder() {}

    static void find(Message m, List<Object> out) {
      switch (m.getDescriptorForType().getFullName()) {
        case "spark.connect.LocalRelation" -> {
          var r = (org.apache.spark.connect.proto.LocalRelation) m;
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("kind", "local_relation");
          e.put("dataBytes", r.hasData() ? (Object) (long) r.getData().size() : null);
          e.put("schema", r.hasSchema() ? truncate(r.getSchema()) : null);
          out.add(e);
          return;
        }
        case "spark.connect.CachedLocalRelation" -> {
          var r = (org.apache.spark.connect.proto.CachedLocalRelation) m;
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("kind", "cached_local_relation");
          e.put("hash", r.getHash());
          out.add(e);
          return;
        }
        case "spark.connect.ChunkedCachedLocalRelation" -> {
          var r = (org.apache.spark.connect.proto.ChunkedCachedLocalRelation) m;
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("kind", "chunked_cached_local_relation");
          e.put("schemaHash", r.hasSchemaHash() ? r.getSchemaHash() : null);
          e.put("dataHashes", new ArrayList<>(r.getDataHashesList()));
          out.add(e);
          return;
        }
        default -> { }
      }
      m.getAllFields().forEach((field, value) -> {
        if (field.getJavaType() != org.sparkproject.com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
          return;
        }
        if (field.isRepeated()) {
          for (Object item : (List<?>) value) {
            find((Message) item, out);
          }
        } else {
          find((Message) value, out);
        }
      });
    }

    private static String truncate(String s) {
      return s.length() <= MAX_SCHEMA_CHARS ? s : s.substring(0, MAX_SCHEMA_CHARS) + "...";
    }
  }
}
