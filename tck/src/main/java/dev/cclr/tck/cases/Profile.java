package dev.cclr.tck.cases;

import dev.cclr.server.errors.ErrorStyle;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which Spark release's observable behaviour a run holds a server to, where the specification lets
 * it vary (error classes above all). Cases and expectations name profiles by {@link #id()}: a case's
 * {@code profiles} list, and per-profile values keyed {@code spark-4.2}, {@code spark-4.1},
 * {@code strict} or {@code default}.
 */
public enum Profile {
  /** Spark 4.2.0's error classes (the default); clients upload chunked cached local relations. */
  SPARK_4_2("spark-4.2", ErrorStyle.SPARK_4_2, true, true),
  /** The INTERNAL_ERROR style of Spark 4.1.x. */
  SPARK_4_1("spark-4.1", ErrorStyle.SPARK_4_1, true, false),
  /** Spark 4.2.0 plus the checks the spec makes optional: cache names must be the sha256 of the content. */
  STRICT("strict", ErrorStyle.SPARK_4_2, true, false),
  /**
   * Clients of Spark 4.0 (JVM client 4.0.x, pyspark-client 4.0.x): above the threshold they upload
   * the local data as one {@code cached_local_relation} blob, a serialized {@code LocalRelation},
   * not as chunks. A client profile only: a server that implements chunked relations has no 4.0
   * form to be held to, so server runs refuse it. Its error style is the one the recording server
   * answers with (4.0 servers, like 4.1, report internal errors as INTERNAL_ERROR).
   */
  SPARK_4_0("spark-4.0", ErrorStyle.SPARK_4_1, false, true);

  private final String id;
  private final ErrorStyle errorStyle;
  private final boolean judgesServers;
  private final boolean judgesClients;

  Profile(String id, ErrorStyle errorStyle, boolean judgesServers, boolean judgesClients) {
    this.id = id;
    this.errorStyle = errorStyle;
    this.judgesServers = judgesServers;
    this.judgesClients = judgesClients;
  }

  /** True when server runs ({@code tck run}) may use this profile. */
  public boolean judgesServers() { return judgesServers; }

  /** True when client runs ({@code tck client}) may use this profile. */
  public boolean judgesClients() { return judgesClients; }

  /**
   * True when a client under this profile uploads local data above the threshold as one cached
   * blob (a serialized LocalRelation) instead of chunks and a schema blob.
   */
  public boolean clientUploadsCachedBlob() { return this == SPARK_4_0; }

  /** The profile's name on the command line, in manifests and in reports. */
  public String id() { return id; }

  /** The error style the reference server needs to answer as this profile expects. */
  public ErrorStyle errorStyle() { return errorStyle; }

  /** The profile whose per-profile value applies when a value has no entry for this one ({@code strict} takes spark-4.2's). */
  Profile fallback() { return this == STRICT ? SPARK_4_2 : this; }

  /** True for a key that may appear in a per-profile value: a profile's id or {@code default}. */
  static boolean isValueKey(String key) {
    return key.equals("default") || Arrays.stream(values()).anyMatch(p -> p.id.equals(key));
  }

  public static Profile parse(String id) {
    for (Profile p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + id + "'; one of "
        + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
  }

  /** {@link #parse}, refusing a profile that does not judge servers. */
  public static Profile parseForServers(String id) {
    Profile p = parse(id);
    if (!p.judgesServers) {
      throw new IllegalArgumentException("profile '" + id + "' judges clients only; a server run takes one of "
          + Arrays.stream(values()).filter(v -> v.judgesServers).map(Profile::id).collect(Collectors.joining(", ")));
    }
    return p;
  }

  /** {@link #parse}, refusing a profile that does not judge clients. */
  public static Profile parseForClients(String id) {
    Profile p = parse(id);
    if (!p.judgesClients) {
      throw new IllegalArgumentException("profile '" + id + "' judges servers only; a client run takes one of "
          + Arrays.stream(values()).filter(v -> v.judgesClients).map(Profile::id).collect(Collectors.joining(", ")));
    }
    return p;
  }

  @Override
  public String toString() { return id; }
}
