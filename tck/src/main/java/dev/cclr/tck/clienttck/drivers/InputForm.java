package dev.cclr.tck.clienttck.drivers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The form in which a driver hands the input rows to the client's {@code createDataFrame}, for
 * clients whose API takes local data in more than one form (spec §14.1, {@code CCLR_INPUT_FORM}).
 * Each form goes through different client code (PySpark converts pandas and row lists to Arrow
 * itself), so each is judged by cases of its own. A case without a form uses the driver's usual one.
 */
public enum InputForm {
  /** The Arrow table as read (PySpark: a {@code pyarrow.Table}). */
  ARROW("arrow"),
  /** A pandas DataFrame made from the table (PySpark: {@code table.to_pandas()}). */
  PANDAS("pandas"),
  /** A list of rows, one per input row (PySpark: tuples from {@code table.to_pylist()}). */
  ROWS("rows");

  private final String id;

  InputForm(String id) {
    this.id = id;
  }

  /** The form's name in manifests and in {@code CCLR_INPUT_FORM}. */
  public String id() { return id; }

  public static InputForm parse(String id) {
    for (InputForm f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown input form '" + id + "'; one of "
        + Arrays.stream(values()).map(InputForm::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() { return id; }
}
