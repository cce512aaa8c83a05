package dev.cclr.tck.clienttck.drivers;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Python Spark Connect clients the kit installs and runs with {@code cclr_pyspark_driver.py},
 * each pinned exactly in a requirements file of {@code tck/drivers} and installed on first use into
 * a virtual environment of its own under {@code ~/.cache/cclr} (a closed set: the pins were found
 * by trial on the package index these machines reach, so a version outside it is not known to
 * install).
 */
public enum PythonClient {
  /** pyspark-client 4.2.0; its venv is the project's (CCLR_VENV_DIR), which the Sail target shares. */
  PYSPARK_4_2_0("pyspark:4.2.0", "PySpark Connect client 4.2.0", "pyspark/requirements.txt", null, null),
  PYSPARK_4_1_3("pyspark:4.1.3", "PySpark Connect client 4.1.3", "pyspark/requirements-4.1.3.txt", "pyspark-4.1.3-venv", null),
  PYSPARK_4_0_1("pyspark:4.0.1", "PySpark Connect client 4.0.1", "pyspark/requirements-4.0.1.txt", "pyspark-4.0.1-venv", null),
  /**
   * The full pyspark package: 3.5 has no Connect-only distribution. Its Connect createDataFrame
   * takes pandas, numpy or a list, not a {@code pyarrow.Table} (it iterates the table and fails with
   * pandas' "Length mismatch"), so its usual form is the pandas DataFrame, which it turns into
   * Arrow itself; it has no Arrow form.
   */
  PYSPARK_3_5_9("pyspark:3.5.9", "PySpark 3.5.9 (Spark Connect client)", "pyspark/requirements-3.5.9.txt", "pyspark-3.5.9-venv",
      InputForm.PANDAS),
  /**
   * pyspark-client-rust, a Rust-backed drop-in for pyspark-client. Its createDataFrame refuses a
   * {@code pyarrow.Table} (observed: TypeError "'Table' object is not an instance of 'list'"), and
   * takes a pandas DataFrame only with flat columns ("unsupported value type for createDataFrame:
   * ndarray" for a list column), so its usual form is the list of row tuples; it has no Arrow form.
   */
  PYSPARK_CLIENT_RUST_4_2_0("pyspark-client-rust", "pyspark-client-rust 4.2.0", "pyspark-client-rust/requirements.txt",
      "pyspark-client-rust-4.2.0-venv", InputForm.ROWS);

  private final String driverName;
  private final String describe;
  private final String requirements;
  private final String venvName;
  private final InputForm usualForm;

  PythonClient(String driverName, String describe, String requirements, String venvName, InputForm usualForm) {
    this.driverName = driverName;
    this.describe = describe;
    this.requirements = requirements;
    this.venvName = venvName;
    this.usualForm = usualForm;
  }

  /** As given to {@code --driver}. */
  public String driverName() { return driverName; }

  /** The client and its version, for reports. */
  public String describe() { return describe; }

  /** The pinned requirements file, relative to the kit's drivers folder. */
  public String requirements() { return requirements; }

  /**
   * The form the driver hands the rows over in when a case names none ({@code CCLR_USUAL_FORM});
   * empty: the Arrow table, as the contract's usual form.
   */
  public Optional<InputForm> usualForm() { return Optional.ofNullable(usualForm); }

  /** The input forms this client takes: all of them, except the Arrow table for a client that refuses it. */
  public Set<InputForm> inputForms() {
    return usualForm == null ? EnumSet.allOf(InputForm.class) : EnumSet.complementOf(EnumSet.of(InputForm.ARROW));
  }

  /** Where its virtual environment lives. */
  public Path venvDir() {
    if (venvName == null) {
      return PySparkDriver.venvDir();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", venvName);
  }

  public static Optional<PythonClient> find(String driverName) {
    return Arrays.stream(values()).filter(c -> c.driverName.equals(driverName)).findFirst();
  }

  /** The PySpark versions, for error messages. */
  public static String pysparkVersions() {
    return Arrays.stream(values()).filter(c -> c.driverName.startsWith("pyspark:"))
        .map(c -> c.driverName.substring("pyspark:".length())).collect(Collectors.joining(", "));
  }
}
