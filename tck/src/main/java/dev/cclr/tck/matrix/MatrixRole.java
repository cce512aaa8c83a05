package dev.cclr.tck.matrix;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which side of the protocol a matrix row judges, and so which command runs it. */
public enum MatrixRole {
  /** A server, run with {@code tck run --target <subject>}. */
  SERVER("server", "run", "--target"),
  /** A client, run with {@code tck client --driver <subject>}. */
  CLIENT("client", "client", "--driver");

  private final String id;
  private final String command;
  private final String subjectOption;

  MatrixRole(String id, String command, String subjectOption) {
    this.id = id;
    this.command = command;
    this.subjectOption = subjectOption;
  }

  public String id() { return id; }

  /** The tck.jar command that judges this role. */
  public String command() { return command; }

  /** The option that names what is judged (a target or a driver). */
  public String subjectOption() { return subjectOption; }

  public static MatrixRole parse(String id) {
    for (MatrixRole r : values()) {
      if (r.id.equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("role '" + id + "' is none of "
        + Arrays.stream(values()).map(MatrixRole::id).collect(Collectors.joining(", ")));
  }
}
