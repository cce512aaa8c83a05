package dev.cclr.tck.junit;

import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.run.Suite;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The client TCK inside an implementer's own JUnit 5 build. Extend it and name the driver that
 * makes your client follow the driver contract (spec chapter 14):
 *
 * <pre>{@code
 * class MyClientConformanceTest extends ClientTck {
 *   @Override
 *   protected String driver() {
 *     return "cmd:java -cp target/my-driver.jar com.example.CclrDriver";
 *   }
 * }
 * }</pre>
 *
 * <p>JUnit runs one test per client case, named {@code <case-id> [<requirement ids>]}, judged by
 * the same code as {@code java -jar tck.jar client}: the driver runs your client against the TCK's
 * recording server. FAIL and ERROR fail the test; SKIPPED and NOT_APPLICABLE abort it. After the
 * last test, {@code tck-summary.json}, {@code tck-report.html} and the driver's files
 * ({@code driver-runs/<case>/}) are in {@link #reportDir()}.
 */
public abstract class ClientTck {

  /**
   * The driver: {@code cmd:<command line>} (any program following the driver contract; the command
   * line is split on whitespace), or a driver the kit names ({@code reference}, {@code pyspark},
   * {@code spark-jvm:<version>}).
   */
  protected abstract String driver();

  /** Which cases run; by default all of them. */
  protected TckSelection selection() {
    return new TckSelection(java.util.List.of(), java.util.List.of(), java.util.List.of());
  }

  /** Where the summary, the HTML report and the driver's files go; by default {@code target/cclr-tck/<class name>}. */
  protected Path reportDir() {
    return Path.of("target", "cclr-tck", getClass().getSimpleName());
  }

  @TestFactory
  Stream<DynamicTest> clientConformance() {
    return EmbeddedTck.tests(Suite.CLIENT, driver(), Profile.SPARK_4_2, selection(), reportDir());
  }
}
