package dev.cclr.tck.clienttck.drivers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A program that runs the client under test by the driver contract (spec chapter 14). */
public interface ClientDriver {

  /** As given to {@code --driver}, e.g. {@code spark-jvm:4.2.0}. */
  String name();

  /** The client it runs, for reports, e.g. "Apache Spark JVM client 4.2.0". */
  default String describe() {
    return name();
  }

  /** The command line of one run; {@code workDir} is the run's fresh working folder. */
  List<String> command(Path workDir);

  /** Environment variables the driver needs besides the contract's own. */
  default Map<String, String> environment() {
    return Map.of();
  }

  /**
   * The input forms the driver can hand to the client besides its usual one ({@code CCLR_INPUT_FORM},
   * spec §14.1). A case that asks for a form not listed here does not apply to the driver.
   */
  default Set<InputForm> inputForms() {
    return Set.of();
  }

  /** Work done once before the first run (resolving jars, creating a virtual environment). */
  default void prepare() {}
}
