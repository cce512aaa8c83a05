package dev.cclr.tck.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.cases.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The matrix's data file ({@code spec/results/matrix.json}): {@code {"rows": [ {...}, ... ]}}, one
 * object a row, each on one line, so that adding an implementation is adding one line. Members:
 * {@code id}, {@code role} (server|client), {@code target} (server rows) or {@code driver} (client
 * rows), {@code profile} (default spark-4.2), {@code version} (omit for the kit's own
 * implementations), {@code install} and optionally {@code args}. Anything else is refused with the
 * row and member named, so that a typo does not silently drop a setting.
 */
public final class MatrixFile {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Set<String> MEMBERS = Set.of("id", "role", "target", "driver", "profile", "version", "install", "args");

  private MatrixFile() {}

  /** A matrix file that cannot be used, with the file, the row and what is wrong. */
  public static final class MatrixFileException extends RuntimeException {
    MatrixFileException(String message) {
      super(message);
    }
  }

  public static List<MatrixRow> load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new MatrixFileException("no matrix file at " + file);
    } catch (IOException e) {
      throw new MatrixFileException("cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** The rows of {@code json}, in file order; {@code source} names the file in errors. */
  public static List<MatrixRow> parse(String json, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new MatrixFileException(source + " is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("rows").isArray()) {
      throw new MatrixFileException(source + ": expected an object with a \"rows\" array");
    }
    List<MatrixRow> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode node : root.path("rows")) {
      index++;
      MatrixRow row = row(node, source + ", row " + index);
      if (!ids.add(row.id())) {
        throw new MatrixFileException(source + ", row " + index + ": id '" + row.id() + "' is used twice");
      }
      rows.add(row);
    }
    return rows;
  }

  private static MatrixRow row(JsonNode node, String position) {
    if (!node.isObject()) {
      throw new MatrixFileException(position + ": a row is an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new MatrixFileException(position + ": unknown member '" + name + "' (known: " + String.join(", ", new java.util.TreeSet<>(MEMBERS)) + ")");
      }
    }
    String id = text(node, "id", position).orElseThrow(() -> missing(position, "id"));
    String where = position + " (" + id + ")";
    if (!ID.matcher(id).matches()) {
      throw new MatrixFileException(where + ": id must be a folder name of lower-case letters, digits, '.', '_' and '-'");
    }
    MatrixRole role;
    try {
      role = MatrixRole.parse(text(node, "role", where).orElseThrow(() -> missing(where, "role")));
    } catch (IllegalArgumentException e) {
      throw new MatrixFileException(where + ": " + e.getMessage());
    }
    String subjectName = role == MatrixRole.SERVER ? "target" : "driver";
    String wrongName = role == MatrixRole.SERVER ? "driver" : "target";
    if (node.has(wrongName)) {
      throw new MatrixFileException(where + ": a " + role.id() + " row names a '" + subjectName + "', not a '" + wrongName + "'");
    }
    String subject = text(node, subjectName, where).orElseThrow(() -> missing(where, subjectName));
    String profile = text(node, "profile", where).orElse(Profile.SPARK_4_2.id());
    try {
      if (role == MatrixRole.SERVER) {
        Profile.parseForServers(profile);
      } else {
        Profile.parseForClients(profile);
      }
    } catch (IllegalArgumentException e) {
      throw new MatrixFileException(where + ": " + e.getMessage());
    }
    String install = text(node, "install", where).orElseThrow(() -> missing(where, "install"));
    List<String> args = new ArrayList<>();
    if (node.has("args")) {
      if (!node.get("args").isArray()) {
        throw new MatrixFileException(where + ": args is an array of strings");
      }
      for (JsonNode a : node.get("args")) {
        if (!a.isTextual()) {
          throw new MatrixFileException(where + ": args is an array of strings");
        }
        args.add(a.asText());
      }
    }
    return new MatrixRow(id, role, subject, profile, text(node, "version", where), install, args);
  }

  private static Optional<String> text(JsonNode node, String name, String where) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new MatrixFileException(where + ": " + name + " must be a non-empty string");
    }
    return Optional.of(v.asText());
  }

  private static MatrixFileException missing(String where, String name) {
    return new MatrixFileException(where + ": '" + name + "' is missing");
  }
}
