package dev.cclr.tck.clienttck.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the recording server behaves in one client case, from the case's {@code server} object:
 *
 * <ul>
 *   <li>{@code style}: {@code spark-4.2} (default) or {@code spark-4.1} (4.1's error classes and
 *       configuration formats, such as {@code 3221225472b} for byte sizes);
 *   <li>{@code conf}: session configuration values the server reports and applies, as an operator
 *       would set them (chunk rows and bytes, threshold, batch size, limits);
 *   <li>{@code omitAbsentFromStatus}: ArtifactStatus answers leave out every name that is absent,
 *       instead of mapping it to {@code exists = false} (a missing name means absent);
 *   <li>{@code corruptFirstCrc}: the CRC of the first piece of the first uploaded artifact is
 *       changed on its way in, so the server reports {@code is_crc_successful = false} once;
 *   <li>{@code restartSessionAfterFirstExecute}: once the first ExecutePlan has ended, the session
 *       is dropped as by a server restart (its blobs too; a new server-side session id follows);
 *   <li>{@code failExecuteAfterFirstBatch}: every ExecutePlan that returns rows ends with an
 *       INTERNAL error right after its first result batch.
 * </ul>
 */
public record ServerScript(
    ErrorStyle style,
    Map<String, String> conf,
    boolean omitAbsentFromStatus,
    boolean corruptFirstCrc,
    boolean restartSessionAfterFirstExecute,
    boolean failExecuteAfterFirstBatch) {

  private static final Set<String> KNOWN = Set.of("style", "conf", "omitAbsentFromStatus", "corruptFirstCrc",
      "restartSessionAfterFirstExecute", "failExecuteAfterFirstBatch");

  public ServerScript {
    conf = Map.copyOf(conf);
    java.util.Objects.requireNonNull(style, "style");
  }

  /** A style is named by the profile whose errors it gives: spark-4.2 or spark-4.1. */
  private static ErrorStyle style(String profile) {
    if (!profile.equals(Profile.SPARK_4_2.id()) && !profile.equals(Profile.SPARK_4_1.id())) {
      throw new FixtureException("server.style is spark-4.2 or spark-4.1, not " + profile);
    }
    return Profile.parse(profile).errorStyle();
  }

  public static ServerScript plain() {
    return new ServerScript(ErrorStyle.SPARK_4_2, Map.of(), false, false, false, false);
  }

  public static ServerScript from(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return plain();
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!KNOWN.contains(name)) {
        throw new FixtureException("unknown server behaviour '" + name + "'; known: " + KNOWN);
      }
    });
    Map<String, String> conf = new LinkedHashMap<>();
    node.path("conf").fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
    return new ServerScript(style(node.path("style").asText(Profile.SPARK_4_2.id())), conf,
        node.path("omitAbsentFromStatus").asBoolean(false),
        node.path("corruptFirstCrc").asBoolean(false),
        node.path("restartSessionAfterFirstExecute").asBoolean(false),
        node.path("failExecuteAfterFirstBatch").asBoolean(false));
  }
}
