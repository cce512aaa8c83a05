package dev.cclr.tck.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.server.ReferenceServer;
import dev.cclr.tck.clienttck.drivers.PySparkDriver;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real PySpark (pyspark-client 4.2.0, in the project's virtual environment) against the reference
 * server on 127.0.0.1: {@code tck/drivers/pyspark/local_data_end_to_end.py} creates DataFrames from
 * pandas (inline and chunked, both inside ToDF), from rows with a DDL-string schema and with a list
 * of names, and prints the results of collect, toPandas, show, count, head, first, tail, offset,
 * isEmpty, columns and limit. The output must be exactly what the same script printed against real
 * Spark 4.2.0, committed next to it as {@code local_data_end_to_end.spark-4.2.0.out}.
 */
@Tag("real-spark")
class PySparkLocalDataEndToEndTest {

  private static final String SCRIPT = "local_data_end_to_end.py";
  private static final String EXPECTED = "local_data_end_to_end.spark-4.2.0.out";

  @Test
  void pandasAndDdlStringDataFramesGiveSparksAnswers(@TempDir Path work) throws Exception {
    Path dir = driverDir();
    PySparkDriver driver = new PySparkDriver();
    driver.prepare();
    Path python = PySparkDriver.venvDir().resolve("bin").resolve("python");
    String expected = Files.readString(dir.resolve(EXPECTED), StandardCharsets.UTF_8);
    try (ReferenceServer server = ReferenceServer.builder().host("127.0.0.1").port(0).build().start()) {
      File out = work.resolve("stdout.txt").toFile();
      File err = work.resolve("stderr.txt").toFile();
      ProcessBuilder pb = new ProcessBuilder(List.of(python.toString(), dir.resolve(SCRIPT).toString()))
          .directory(work.toFile()).redirectOutput(out).redirectError(err);
      pb.environment().put("SPARK_REMOTE", "sc://127.0.0.1:" + server.port());
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("the PySpark script did not finish in 5 minutes; stderr:\n" + tail(err.toPath()));
      }
      String printed = Files.readString(out.toPath(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "the PySpark script failed; stdout:\n" + printed + "\nstderr:\n" + tail(err.toPath()));
      assertEquals(expected, printed, "PySpark on the reference server printed something else than on Spark 4.2.0");
    }
  }

  /** The driver folder: tests run in tck/, a by-hand run may start in the repository root. */
  private static Path driverDir() {
    for (Path candidate : List.of(Path.of("drivers/pyspark"), Path.of("tck/drivers/pyspark"))) {
      if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
        return candidate.toAbsolutePath();
      }
    }
    throw new AssertionError(SCRIPT + " is neither in drivers/pyspark nor in tck/drivers/pyspark");
  }

  private static String tail(Path file) throws Exception {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
