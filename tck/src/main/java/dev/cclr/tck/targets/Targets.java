package dev.cclr.tck.targets;

import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.tck.cases.Profile;

/** Opens a target from its command-line name. */
public final class Targets {
  private Targets() {}

  /**
   * {@code embedded} (or {@code embedded:spark-4.1} for the 4.1 error style; {@code embedded:spill} for the
   * same server with every blob spilled to a file, {@code embedded:spill-mid} with blobs spilled in the middle of an upload), {@code spark:<version>}, {@code spark-cluster:<version>}, {@code sail}, {@code sparkrust}, {@code daft},
   * {@code proxy:<target>},
   * {@code container:<image>[:port]}, {@code launch:<command with {port}>}, or a Spark Connect URI {@code sc://host:port/;...}.
   */
  public static Target open(String spec, Profile profile) {
    java.util.Optional<EmbeddedStorage> storage = EmbeddedStorage.named(spec);
    if (storage.isPresent()) {
      return EmbeddedTarget.start(profile.errorStyle(), storage.get());
    }
    if (spec.startsWith(ProxyTarget.PREFIX)) {
      return ProxyTarget.start(spec, inner -> open(inner, profile));
    }
    return open(spec);
  }

  public static Target open(String spec) {
    if (spec.equals("embedded") || spec.equals("embedded:spark-4.2")) {
      return EmbeddedTarget.start(ErrorStyle.SPARK_4_2);
    }
    if (spec.equals("embedded:spark-4.1")) {
      return EmbeddedTarget.start(ErrorStyle.SPARK_4_1);
    }
    java.util.Optional<EmbeddedStorage> storage = EmbeddedStorage.named(spec);
    if (storage.isPresent()) {
      return EmbeddedTarget.start(ErrorStyle.SPARK_4_2, storage.get());
    }
    if (spec.startsWith(SparkClusterTarget.PREFIX)) {
      return SparkClusterTarget.start(spec.substring(SparkClusterTarget.PREFIX.length()));
    }
    if (spec.startsWith("spark:")) {
      return SparkTarget.start(spec.substring("spark:".length()));
    }
    if (spec.equals("sail") || spec.startsWith("sail:")) {
      return SailTarget.start(spec.equals("sail") ? "" : spec.substring("sail:".length()));
    }
    if (spec.equals(SparkRustTarget.NAME) || spec.startsWith(SparkRustTarget.NAME + ":")) {
      return SparkRustTarget.start(spec.equals(SparkRustTarget.NAME) ? "" : spec.substring(SparkRustTarget.NAME.length() + 1));
    }
    if (spec.equals(DaftTarget.NAME) || spec.startsWith(DaftTarget.NAME + ":")) {
      return DaftTarget.start(spec.equals(DaftTarget.NAME) ? "" : spec.substring(DaftTarget.NAME.length() + 1));
    }
    if (spec.startsWith(ProxyTarget.PREFIX)) {
      return ProxyTarget.start(spec, Targets::open);
    }
    if (spec.startsWith(dev.cclr.tck.targets.container.ContainerSpec.PREFIX)) {
      return dev.cclr.tck.targets.ContainerTarget.start(spec);
    }
    if (spec.startsWith(LaunchedTarget.PREFIX)) {
      return LaunchedTarget.start(spec);
    }
    if (spec.startsWith("sc://")) {
      return new RemoteTarget(spec);
    }
    throw new IllegalArgumentException("unknown target '" + spec
        + "': use embedded, embedded:spark-4.1, embedded:spill, embedded:spill-mid, spark:<version>, spark-cluster:<version>, sail[:<version>], sparkrust[:<version>], daft[:<version>], proxy:<target>, container:<image>[:port], launch:<command with {port}> or sc://host:port");
  }
}
