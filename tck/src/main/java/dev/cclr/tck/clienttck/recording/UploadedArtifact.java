package dev.cclr.tck.clienttck.recording;

import com.google.protobuf.ByteString;
import java.util.List;

/**
 * One artifact as it arrived in an AddArtifacts call, put back together from its pieces.
 *
 * @param callSeq the call it came in
 * @param name its name as sent
 * @param data all its bytes
 * @param chunked sent as begin_chunk + chunk messages rather than in a batch
 * @param pieces the bytes of each piece, in order
 * @param crcs the CRC field of each piece, as sent
 * @param declaredTotalBytes begin_chunk's total_bytes (-1 for a batch entry)
 * @param declaredPieces begin_chunk's num_chunks (-1 for a batch entry)
 * @param crcReportedOk what the server's summary said (null when it listed no summary for it)
 */
public record UploadedArtifact(
    int callSeq,
    String name,
    ByteString data,
    boolean chunked,
    List<ByteString> pieces,
    List<Long> crcs,
    long declaredTotalBytes,
    long declaredPieces,
    Boolean crcReportedOk) {

  public static final String CACHE_PREFIX = "cache/";

  public UploadedArtifact {
    pieces = List.copyOf(pieces);
    crcs = List.copyOf(crcs);
  }

  public boolean isCache() {
    return name.startsWith(CACHE_PREFIX);
  }

  /** The bare key: the name without {@code cache/}. */
  public String key() {
    return isCache() ? name.substring(CACHE_PREFIX.length()) : name;
  }

  public UploadedArtifact withCrcReport(Boolean ok) {
    return new UploadedArtifact(callSeq, name, data, chunked, pieces, crcs, declaredTotalBytes, declaredPieces, ok);
  }
}
