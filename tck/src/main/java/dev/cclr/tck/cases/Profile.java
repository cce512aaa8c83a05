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
  /** Spark 4.2.0's error classes (the default). */
  SPARK_4_2("spark-4.2", ErrorStyle.SPARK_4_2),
  /** The INTERNAL_ERROR style of Spark 4.1.x. */
  SPARK_4_1("spark-4.1", ErrorStyle.SPARK_4_1),
  /** Spark 4.2.0 plus the checks the spec makes optional: cache names must be the sha256 of the content. */
  STRICT("strict", ErrorStyle.SPARK_4_2);

  private final String id;
  private final ErrorStyle errorStyle;

  Profile(String id, ErrorStyle errorStyle) {
    this.id = id;
    this.errorStyle = errorStyle;
  }

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

  @Override
  public String toString() { return id; }
}
