package dev.cclr.tck.refclient;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.server.schema.ArrowTypes;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.ChunkedUpload;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ExecuteResult;
import dev.cclr.tck.client.RemoteErrorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The TCK's own client: turns local data into a relation by the algorithm of spec §11.1, step by
 * step, and runs it. It follows every MUST and SHOULD of the client role, so that it can drive
 * servers and serve as the model a client author compares with; {@link Fault}s make it break one
 * rule on purpose.
 */
public final class ReferenceClient {
  /** How often an upload whose CRC the server rejected is sent again (CLI-ART-005). */
  static final int UPLOAD_ATTEMPTS = 3;

  private final ConnectSession session;
  private final Set<Fault> faults;

  public ReferenceClient(ConnectSession session, Set<Fault> faults) {
    this.session = session;
    this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
  }

  /** A relation ready to run, and the Arrow schema of its input. */
  public record Prepared(Relation relation, Schema inputSchema) {}

  /** The relation for the rows of an Arrow IPC file, with every blob it needs present on the server. */
  public Prepared relationFor(Path arrowFile) {
    ChunkWriter.Chunked[] input = new ChunkWriter.Chunked[1];
    Relation relation = relationFor(arrowFile, input);
    return new Prepared(relation, input[0].schema());
  }

  private Relation relationFor(Path arrowFile, ChunkWriter.Chunked[] input) {
    ClientSettings settings = ClientSettings.read(session);
    boolean oversize = faults.contains(Fault.OVERSIZE_CHUNKS);
    ChunkWriter.Chunked data = ChunkWriter.cut(arrowFile, oversize ? Integer.MAX_VALUE : settings.chunkRows(),
        oversize ? Long.MAX_VALUE : settings.chunkBytes());
    input[0] = data;
    String schemaJson = SchemaJson.render(ArrowTypes.fromArrowSchema(data.schema()));
    if (data.rows() == 0) {
      return Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder().setSchema(schemaJson)).build();
    }
    List<ByteString> chunks = data.chunks().stream().map(c -> ByteString.copyFrom(brokenIfAsked(c))).toList();
    ByteString schemaBlob = faults.contains(Fault.EMPTY_SCHEMA_BLOB) ? ByteString.EMPTY
        : ByteString.copyFrom(schemaJson, StandardCharsets.UTF_8);
    boolean inline = chunks.size() == 1 && schemaBlob.size() + chunks.get(0).size() <= settings.threshold();
    if (faults.contains(Fault.ALWAYS_INLINE)) {
      ByteString all = ByteString.copyFrom(ChunkWriter.cut(arrowFile, Integer.MAX_VALUE, Long.MAX_VALUE).chunks().get(0));
      return Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder().setSchema(schemaJson).setData(all)).build();
    }
    if (inline) {
      return Relation.newBuilder()
          .setLocalRelation(LocalRelation.newBuilder().setSchema(schemaJson).setData(chunks.get(0))).build();
    }
    List<ByteString> blobs = new ArrayList<>();
    if (!faults.contains(Fault.SCHEMA_LAST)) {
      blobs.add(schemaBlob);
    }
    blobs.addAll(chunks);
    if (faults.contains(Fault.SCHEMA_LAST)) {
      blobs.add(schemaBlob);
    }
    checkSizeLimit(blobs, settings.sizeLimit());
    for (List<ByteString> batch : batches(blobs, settings.batchOfChunksBytes())) {
      makePresent(batch);
    }
    ChunkedCachedLocalRelation.Builder relation = ChunkedCachedLocalRelation.newBuilder().setSchemaHash(key(schemaBlob));
    List<ByteString> order = new ArrayList<>(chunks);
    if (faults.contains(Fault.REVERSED_HASHES)) {
      java.util.Collections.reverse(order);
    }
    order.forEach(c -> relation.addDataHashes(key(c)));
    return Relation.newBuilder().setChunkedCachedLocalRelation(relation).build();
  }

  /** Runs the relation and returns its whole result; an error ends the operation as a whole (CLI-ERR-002). */
  public ExecuteResult collect(Relation relation) {
    ExecuteResult result = session.execute(relation);
    if (result.error().isPresent() && !(faults.contains(Fault.PARTIAL_RESULT) && !result.batches().isEmpty())) {
      throw new RemoteErrorException("ExecutePlan", result.error().get(), null);
    }
    return result;
  }

  private void checkSizeLimit(List<ByteString> blobs, long limit) {
    long total = 0;
    for (ByteString blob : blobs) {
      total += blob.size();
      if (total > limit) {
        throw new ClientSideError("LOCAL_RELATION_SIZE_LIMIT_EXCEEDED", "54000",
            Map.of("actualSize", Long.toString(total), "sizeLimit", Long.toString(limit)),
            "The local relation is " + total + " bytes or more, over the limit of " + limit + " bytes.");
      }
    }
  }

  /** Consecutive blobs whose sizes add up to at most the bound; a larger blob alone (CLI-ALG-006). */
  static List<List<ByteString>> batches(List<ByteString> blobs, long bound) {
    List<List<ByteString>> out = new ArrayList<>();
    List<ByteString> current = new ArrayList<>();
    long size = 0;
    for (ByteString blob : blobs) {
      if (!current.isEmpty() && size + blob.size() > bound) {
        out.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(blob);
      size += blob.size();
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** One status check, then one upload of what is absent, repeated only for rejected CRCs. */
  private void makePresent(List<ByteString> batch) {
    Map<String, ByteString> distinct = new LinkedHashMap<>();
    batch.forEach(b -> distinct.putIfAbsent(name(b), b));
    Map<String, ByteString> absent = new LinkedHashMap<>();
    if (faults.contains(Fault.NO_STATUS_CHECK)) {
      absent.putAll(distinct);
    } else {
      ArtifactStatusesResponse status = session.artifactStatus(List.copyOf(distinct.keySet()));
      distinct.forEach((name, blob) -> {
        ArtifactStatusesResponse.ArtifactStatus s = status.getStatusesMap().get(name);
        if (s == null || !s.getExists()) {
          absent.put(name, blob);
        }
      });
    }
    for (int attempt = 1; !absent.isEmpty(); attempt++) {
      if (attempt > UPLOAD_ATTEMPTS) {
        throw new ClientSideError("ARTIFACT_UPLOAD_FAILED", "XX000", Map.of("names", String.join(",", absent.keySet())),
            "the server did not confirm " + absent.keySet() + " after " + UPLOAD_ATTEMPTS + " attempts");
      }
      List<ArtifactBlob> upload = new ArrayList<>();
      absent.forEach((name, blob) -> upload.add(new ArtifactBlob(name, blob)));
      if (faults.contains(Fault.DUPLICATE_UPLOAD)) {
        absent.forEach((name, blob) -> upload.add(new ArtifactBlob(name, blob)));
      }
      AddArtifactsResponse response = upload(upload);
      for (AddArtifactsResponse.ArtifactSummary summary : response.getArtifactsList()) {
        if (summary.getIsCrcSuccessful() || faults.contains(Fault.IGNORE_CRC_FAILURES)) {
          absent.remove(summary.getName());
        }
      }
    }
  }

  private AddArtifactsResponse upload(List<ArtifactBlob> artifacts) {
    if (!faults.contains(Fault.BAD_CRC) && !faults.contains(Fault.UNBATCHED_UPLOADS)) {
      return session.addArtifacts(artifacts);
    }
    List<dev.cclr.proto.AddArtifactsRequest> framed = new ArrayList<>();
    if (faults.contains(Fault.UNBATCHED_UPLOADS)) {
      artifacts.forEach(a -> framed.addAll(dev.cclr.tck.client.SparkArtifactFraming.frame(List.of(a))));
    } else {
      framed.addAll(dev.cclr.tck.client.SparkArtifactFraming.frame(artifacts));
    }
    List<dev.cclr.proto.AddArtifactsRequest> messages = new ArrayList<>();
    for (dev.cclr.proto.AddArtifactsRequest m : framed) {
      if (!faults.contains(Fault.BAD_CRC)) {
        messages.add(session.stamp(m));
        continue;
      }
      dev.cclr.proto.AddArtifactsRequest.Builder b = m.toBuilder();
      if (m.hasBatch()) {
        for (int i = 0; i < m.getBatch().getArtifactsCount(); i++) {
          b.getBatchBuilder().getArtifactsBuilder(i).getDataBuilder().setCrc(m.getBatch().getArtifacts(i).getData().getCrc() ^ 1);
        }
      } else if (m.hasBeginChunk()) {
        b.getBeginChunkBuilder().getInitialChunkBuilder().setCrc(m.getBeginChunk().getInitialChunk().getCrc() ^ 1);
      } else if (m.hasChunk()) {
        b.getChunkBuilder().setCrc(m.getChunk().getCrc() ^ 1);
      }
      messages.add(session.stamp(b.build()));
    }
    return session.addArtifactsRaw(messages, dev.cclr.tck.client.StreamEnd.COMPLETE).orThrow();
  }

  private byte[] brokenIfAsked(byte[] chunk) {
    if (faults.contains(Fault.INCOMPLETE_IPC)) {
      return Arrays.copyOf(chunk, chunk.length - 8);
    }
    return chunk;
  }

  private String key(ByteString blob) {
    String hash = ChunkedUpload.sha256Hex(blob);
    if (faults.contains(Fault.WRONG_HASH)) {
      hash = ChunkedUpload.sha256Hex(ByteString.copyFromUtf8(hash));
    }
    if (faults.contains(Fault.UPPER_CASE_HEX)) {
      hash = hash.toUpperCase(java.util.Locale.ROOT);
    }
    return hash;
  }

  private String name(ByteString blob) {
    return UPLOADED_PREFIX + key(blob);
  }

  private static final String UPLOADED_PREFIX = "cache/";
}
