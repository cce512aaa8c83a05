package dev.cclr.tck.clienttck.drivers;

import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Python Spark Connect client ({@link PythonClient}: PySpark 4.2.0, 4.1.3, 4.0.1, 3.5.9,
 * pyspark-client-rust), run with {@code cclr_pyspark_driver.py} from a virtual environment that the
 * TCK creates on first use with {@code setup-venv.sh} and the client's pinned requirements file in
 * {@code tck/drivers} (from the source tree, or from the copy in the TCK jar). Each environment lives
 * under {@code ~/.cache/cclr} (PySpark 4.2.0's at {@code CCLR_VENV_DIR} when set) and is reused
 * while its requirements do not change.
 *
 * <p>With a {@link PySparkMutant} ({@code --driver pyspark-mutant:<id>}) the same script runs with
 * {@code mutants/} on {@code PYTHONPATH}, whose {@code sitecustomize.py} plants that one bug in the
 * client as it is imported; the shared environment is not modified.
 */
public final class PySparkDriver implements ClientDriver {

  private final PythonClient client;
  private final String name;
  private final PySparkMutant mutant;
  private Path driversDir;
  private Path venv;

  /** {@code --driver pyspark}: PySpark 4.2.0 under its short name. */
  public PySparkDriver() {
    this(PythonClient.PYSPARK_4_2_0, "pyspark", null);
  }

  /** PySpark 4.2.0 with one planted bug, or the client as released when {@code mutant} is null. */
  public PySparkDriver(PySparkMutant mutant) {
    this(PythonClient.PYSPARK_4_2_0, mutant == null ? "pyspark" : "pyspark-mutant:" + mutant.id(), mutant);
  }

  /** One of the pinned Python clients, under its own driver name. */
  public PySparkDriver(PythonClient client) {
    this(client, client.driverName(), null);
  }

  private PySparkDriver(PythonClient client, String name, PySparkMutant mutant) {
    this.client = client;
    this.name = name;
    this.mutant = mutant;
  }

  @Override
  public String name() { return name; }

  /** The driver script takes the pyarrow table, a pandas DataFrame or a list of row tuples, as the client allows. */
  @Override
  public java.util.Set<InputForm> inputForms() {
    return client.inputForms();
  }

  @Override
  public String describe() {
    return client.describe() + mutated();
  }

  @Override
  public synchronized void prepare() {
    if (venv != null) {
      return;
    }
    try {
      driversDir = KitFiles.directory(KitFiles.Tree.DRIVERS);
      Path target = client.venvDir();
      Process p = new ProcessBuilder("bash", driversDir.resolve("pyspark").resolve("setup-venv.sh").toString(),
          target.toString(), driversDir.resolve(client.requirements()).toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("could not set up the virtual environment of " + client.describe() + " in "
            + target + ":\n" + log.strip());
      }
      venv = target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up the PySpark driver", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up the PySpark driver", e);
    }
  }

  @Override
  public List<String> command(Path workDir) {
    prepare();
    return List.of(venv.resolve("bin").resolve("python").toString(),
        driversDir.resolve("pyspark").resolve("cclr_pyspark_driver.py").toString());
  }

  /**
   * A fixed hash seed: PySpark 4.2.0 orders the names of a status check through a Python set
   * ({@code list(set(hashes))} in {@code cache_artifacts}), so with a random seed the schema blob's
   * place in the status check, which CLI-ALG-005 judges, changes from run to run.
   */
  static final String HASH_SEED = "0";

  @Override
  public Map<String, String> environment() {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("PYTHONHASHSEED", HASH_SEED);
    // The form the script uses when a case names none: the client's own, for a client that refuses the Arrow table.
    client.usualForm().ifPresent(f -> env.put("CCLR_USUAL_FORM", f.id()));
    if (mutant != null) {
      prepare();
      env.put("PYTHONPATH", driversDir.resolve("pyspark").resolve("mutants").toString());
      env.put("CCLR_PYSPARK_MUTANT", mutant.id());
    }
    return env;
  }

  private String mutated() {
    return mutant == null ? "" : ", mutant " + mutant.id() + " (" + mutant.what() + ")";
  }

  /** The project's Python virtual environment (PySpark 4.2.0's); the Sail target installs pysail into it too. */
  public static Path venvDir() {
    String configured = System.getenv("CCLR_VENV_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", "pyspark-venv");
  }
}
