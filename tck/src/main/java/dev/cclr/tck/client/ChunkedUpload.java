package dev.cclr.tck.client;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Relation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Uploads a local relation the way Spark's clients do and builds the ChunkedCachedLocalRelation
 * that refers to it:
 *
 * <ol>
 *   <li>every blob (schema string and Arrow IPC chunks) is named {@code cache/<sha256>}, the hash in
 *       lower-case hex;
 *   <li>one ArtifactStatus call asks about every distinct name, the schema first;
 *   <li>one AddArtifacts call uploads the distinct blobs the server does not have yet, in order,
 *       framed as Spark frames them; nothing is uploaded when the server has everything.
 * </ol>
 *
 * Unlike Spark's clients, which ignore CRC failures, this helper fails loudly when the server does
 * not confirm every uploaded blob: a test that builds on an upload must not run on a partial one.
 * Scenarios that want to see such failures use {@link ConnectSession#addArtifactsRaw} instead.
 */
public final class ChunkedUpload {
  public static final String CACHE_PREFIX = "cache/";

  private final Optional<ByteString> schema;
  private final List<ByteString> dataChunks;

  private ChunkedUpload(Optional<ByteString> schema, List<ByteString> dataChunks) {
    this.schema = schema;
    this.dataChunks = List.copyOf(dataChunks);
  }

  /**
   * @param schema the schema string (DDL or JSON) to send as the schema blob, or empty to send none
   *     (as Python clients may)
   * @param dataChunks complete Arrow IPC streams, in relation order; may repeat
   */
  public static ChunkedUpload of(Optional<String> schema, List<byte[]> dataChunks) {
    return new ChunkedUpload(
        schema.map(s -> ByteString.copyFrom(s, StandardCharsets.UTF_8)),
        dataChunks.stream().map(ByteString::copyFrom).toList());
  }

  /** Lower-case hex SHA-256, the hash Spark's clients name cached blobs by. */
  public static String sha256Hex(ByteString data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(data.asReadOnlyByteBuffer());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public List<String> dataHashes() {
    return dataChunks.stream().map(ChunkedUpload::sha256Hex).toList();
  }

  public Optional<String> schemaHash() {
    return schema.map(ChunkedUpload::sha256Hex);
  }

  /** The relation referring to the blobs; without plan_id, so a server plans it afresh each time. */
  public Relation relation() {
    ChunkedCachedLocalRelation.Builder chunked =
        ChunkedCachedLocalRelation.newBuilder().addAllDataHashes(dataHashes());
    schemaHash().ifPresent(chunked::setSchemaHash);
    return Relation.newBuilder().setChunkedCachedLocalRelation(chunked).build();
  }

  /** Every distinct blob, schema first, under its {@code cache/<hash>} name. */
  public List<ArtifactBlob> blobs() {
    Map<String, ArtifactBlob> distinct = new LinkedHashMap<>();
    schema.ifPresent(s -> distinct.putIfAbsent(name(s), new ArtifactBlob(name(s), s)));
    for (ByteString chunk : dataChunks) {
      distinct.putIfAbsent(name(chunk), new ArtifactBlob(name(chunk), chunk));
    }
    return List.copyOf(distinct.values());
  }

  /** Checks what the server has, uploads the rest, and returns what happened. */
  public Result upload(ConnectSession session) {
    List<ArtifactBlob> blobs = blobs();
    List<String> names = blobs.stream().map(ArtifactBlob::name).toList();
    ArtifactStatusesResponse statuses = session.artifactStatus(names);
    List<ArtifactBlob> missing = new ArrayList<>();
    for (ArtifactBlob blob : blobs) {
      ArtifactStatusesResponse.ArtifactStatus status = statuses.getStatusesMap().get(blob.name());
      if (status == null || !status.getExists()) {
        missing.add(blob);
      }
    }
    Optional<AddArtifactsResponse> added = Optional.empty();
    if (!missing.isEmpty()) {
      AddArtifactsResponse response = session.addArtifacts(missing);
      requireAllStored(missing, response);
      added = Optional.of(response);
    }
    return new Result(
        relation(), statuses, missing.stream().map(ArtifactBlob::name).toList(), added);
  }

  /**
   * @param relation the relation to execute
   * @param statusBefore the ArtifactStatus answer
   * @param uploaded the names sent in AddArtifacts (empty if the server had everything)
   * @param addResponse the AddArtifacts answer, if that call was made
   */
  public record Result(
      Relation relation,
      ArtifactStatusesResponse statusBefore,
      List<String> uploaded,
      Optional<AddArtifactsResponse> addResponse) {}

  private static String name(ByteString blob) {
    return CACHE_PREFIX + sha256Hex(blob);
  }

  private static void requireAllStored(List<ArtifactBlob> sent, AddArtifactsResponse response) {
    Set<String> confirmed = new LinkedHashSet<>();
    List<String> failed = new ArrayList<>();
    for (AddArtifactsResponse.ArtifactSummary summary : response.getArtifactsList()) {
      if (summary.getIsCrcSuccessful()) {
        confirmed.add(summary.getName());
      } else {
        failed.add(summary.getName());
      }
    }
    List<String> unconfirmed =
        sent.stream().map(ArtifactBlob::name).filter(n -> !confirmed.contains(n)).toList();
    if (!unconfirmed.isEmpty()) {
      throw new IllegalStateException(
          "the server did not confirm "
              + unconfirmed
              + " (CRC failures reported: "
              + failed
              + "; response: "
              + response.getArtifactsList()
              + ")");
    }
  }
}
