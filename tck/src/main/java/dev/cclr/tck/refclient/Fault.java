package dev.cclr.tck.refclient;

/**
 * Rules the reference client can break on purpose, so the client TCK can show that it catches a
 * broken client (as the Reactive Streams TCK tests itself against broken publishers).
 */
public enum Fault {
  /** Names each blob by the SHA-256 of other bytes (CLI-ART-001). */
  WRONG_HASH("wrong-hash"),
  /** Cuts the end-of-stream marker off every data chunk (CLI-CHK-001). */
  INCOMPLETE_IPC("incomplete-ipc"),
  /** Uploads every blob twice in the same AddArtifacts call (CLI-ALG-007). */
  DUPLICATE_UPLOAD("duplicate-upload"),
  /** Returns the rows received before an ExecutePlan error as the result (CLI-ERR-002). */
  PARTIAL_RESULT("partial-result"),
  /** Writes the hex digest in upper case, in names and in dataHashes (CLI-ART-001, CLI-REL-001). */
  UPPER_CASE_HEX("upper-case-hex"),
  /** Uploads without asking ArtifactStatus first (CLI-ALG-006, CLI-STA-001). */
  NO_STATUS_CHECK("no-status-check"),
  /** Lists dataHashes in reverse chunk order (CLI-ALG-008). */
  REVERSED_HASHES("reversed-hashes"),
  /** Ignores the chunk row and byte settings: all rows in one chunk (CLI-ALG-003, CLI-ALG-004). */
  OVERSIZE_CHUNKS("oversize-chunks"),
  /** Sends every piece with a CRC one off (CLI-ART-003). */
  BAD_CRC("bad-crc"),
  /** Uploads an empty schema blob and names it in schemaHash (CLI-SCH-003). */
  EMPTY_SCHEMA_BLOB("empty-schema-blob"),
  /** Puts the schema blob after the data blobs (CLI-ALG-005). */
  SCHEMA_LAST("schema-last"),
  /** Sends every relation inline, whatever the threshold (CLI-ALG-002). */
  ALWAYS_INLINE("always-inline"),
  /** Treats an upload as done whatever its summary says (CLI-ART-005). */
  IGNORE_CRC_FAILURES("ignore-crc-failures"),
  /** Sends every artifact within 32 KiB in a batch of its own (CLI-ART-004; still valid framing). */
  UNBATCHED_UPLOADS("unbatched-uploads");

  private final String id;

  Fault(String id) {
    this.id = id;
  }

  public String id() { return id; }

  public static Fault parse(String id) {
    for (Fault f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fault '" + id + "'");
  }
}
