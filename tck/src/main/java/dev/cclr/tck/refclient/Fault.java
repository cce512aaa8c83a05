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
  PARTIAL_RESULT("partial-result");

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
