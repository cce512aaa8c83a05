package dev.cclr.tck.junit;

import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.run.Suite;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server TCK inside an implementer's own JUnit 5 build. Extend it in your test sources and
 * say where your server answers:
 *
 * <pre>{@code
 * class MyServerConformanceTest extends ServerTck {
 *   static MyServer server = MyServer.startOn("127.0.0.1", 0);
 *
 *   @Override
 *   protected String target() {
 *     return "sc://127.0.0.1:" + server.port();
 *   }
 * }
 * }</pre>
 *
 * <p>JUnit then runs one test per server case, named {@code <case-id> [<requirement ids>]}: a case
 * that FAILs or ERRORs fails its test with the TCK's message (what was expected, what came back,
 * which requirement that breaks); a case that does not apply (NOT_APPLICABLE) or that {@link
 * #selection()} leaves out (SKIPPED) aborts its test with the reason. Cases are judged by the same
 * code as {@code java -jar tck.jar run}. After the last test, {@code tck-summary.json} and
 * {@code tck-report.html} are written to {@link #reportDir()}.
 *
 * <p>This class is the stable API of the embedding: {@link #target()}, {@link #profile()}, {@link
 * #selection()} and {@link #reportDir()} keep their meaning across TCK versions.
 */
public abstract class ServerTck {

  /**
   * The server under test: {@code sc://127.0.0.1:<port>} (with {@code /;token=...} if it wants one)
   * for a server your test started, or any {@code --target} of the command line
   * ({@code launch:<command with {port}>}, {@code container:<image>}, ...). Called once per class.
   */
  protected abstract String target();

  /** The profile the cases are judged under; by default {@code spark-4.2} (Spark 4.2.0's error classes). */
  protected Profile profile() {
    return Profile.SPARK_4_2;
  }

  /** Which cases run; by default every case but the {@code large} ones. */
  protected TckSelection selection() {
    return TckSelection.allButLarge();
  }

  /** Where the summary and the HTML report go; by default {@code target/cclr-tck/<class name>}. */
  protected Path reportDir() {
    return Path.of("target", "cclr-tck", getClass().getSimpleName());
  }

  @TestFactory
  Stream<DynamicTest> serverConformance() {
    return EmbeddedTck.tests(Suite.SERVER, target(), profile(), selection(), reportDir());
  }
}
