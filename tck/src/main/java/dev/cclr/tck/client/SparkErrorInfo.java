package dev.cclr.tck.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.ErrorInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code google.rpc.ErrorInfo} a Spark Connect server attaches to a failed call, with the
 * metadata entries Spark defines decoded: {@code classes} (a JSON array of the exception's class
 * hierarchy), {@code errorClass}, {@code sqlState}, {@code messageParameters} (a JSON object),
 * {@code errorId} and {@code stackTrace}. Entries that are absent stay empty; the raw metadata is
 * kept as well, so nothing the server sent is lost. A metadata value that should be JSON but is not
 * is reported in {@link #metadataProblems()} instead of failing, because a malformed error is itself
 * something a conformance test wants to see.
 */
public record SparkErrorInfo(
    String reason,
    String domain,
    Map<String, String> metadata,
    List<String> classes,
    Optional<String> errorClass,
    Optional<String> sqlState,
    Map<String, String> messageParameters,
    Optional<String> errorId,
    Optional<String> stackTrace,
    List<String> metadataProblems) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SparkErrorInfo {
    metadata = Map.copyOf(metadata);
    classes = List.copyOf(classes);
    messageParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(messageParameters));
    metadataProblems = List.copyOf(metadataProblems);
  }

  public static SparkErrorInfo from(ErrorInfo info) {
    Map<String, String> metadata = info.getMetadataMap();
    List<String> problems = new java.util.ArrayList<>();
    List<String> classes = List.of();
    String classesJson = metadata.get("classes");
    if (classesJson != null) {
      try {
        classes = JSON.readValue(classesJson, new TypeReference<List<String>>() {});
      } catch (Exception e) {
        problems.add("metadata 'classes' is not a JSON array of strings: " + classesJson);
      }
    }
    Map<String, String> parameters = Map.of();
    String parametersJson = metadata.get("messageParameters");
    if (parametersJson != null) {
      try {
        parameters = JSON.readValue(parametersJson, new TypeReference<LinkedHashMap<String, String>>() {});
      } catch (Exception e) {
        problems.add("metadata 'messageParameters' is not a JSON object of strings: " + parametersJson);
      }
    }
    return new SparkErrorInfo(
        info.getReason(),
        info.getDomain(),
        metadata,
        classes,
        Optional.ofNullable(metadata.get("errorClass")),
        Optional.ofNullable(metadata.get("sqlState")),
        parameters,
        Optional.ofNullable(metadata.get("errorId")),
        Optional.ofNullable(metadata.get("stackTrace")),
        problems);
  }
}
