package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.arrow.CanonicalTable;
import java.util.Optional;

/**
 * What one step saw, normalised so that two servers' answers can be compared: values that are
 * specific to a session (the server-side session id) are replaced by their placeholder, and values
 * that are unique per call (error ids) are left out. Rows are kept as a canonical table.
 */
public record Observation(Op op, ObjectNode data, Optional<CanonicalTable> table, Optional<String> errorId) {

  /**
   * @param errorId a failed call's ErrorInfo {@code errorId}, kept outside {@code data} because it
   *     is unique per call; a later {@code fetchErrorDetails} step of the session asks for it
   */
  public Observation {}

  public Observation(Op op, ObjectNode data, Optional<CanonicalTable> table) {
    this(op, data, table, Optional.empty());
  }

  private static final int MAX_RENDER = 2000;

  public boolean isError() { return data.has(ObservedField.ERROR.json()); }

  /**
   * The data two servers' answers are compared by: all of it except the Arrow bytes a streamed
   * result took, which depend on how the server cut its result into batches (its own choice: the
   * same rows in 2,048- or 4,096-row batches differ in metadata and padding, not in content).
   */
  public ObjectNode comparableData() {
    ObjectNode copy = data.deepCopy();
    copy.remove(ObservedField.RESULT_BYTES.json());
    return copy;
  }

  /** A readable one-line form for reports, rows included up to a bound. */
  public String render() {
    String text = table.map(t -> data.toString() + " rows=" + t).orElse(data.toString());
    return text.length() <= MAX_RENDER ? text : text.substring(0, MAX_RENDER) + "...";
  }
}
