package dev.cclr.tck.clienttck.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.drivers.DriverProcessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a driver once by the contract and reads what it left behind. Fails closed: a timeout, an
 * exit status other than 0, both files or neither, or a file that does not parse is a
 * {@link DriverProcessException} (the case's verdict is ERROR), never an outcome.
 */
public final class DriverLauncher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DriverLauncher() {}

  public static DriverOutcome run(ClientDriver driver, DriverInvocation run) throws IOException, InterruptedException {
    Files.createDirectories(run.workDir());
    Files.deleteIfExists(run.output());
    Files.deleteIfExists(run.error());
    Path stdout = run.workDir().resolve("stdout.txt");
    Path stderr = run.workDir().resolve("stderr.txt");
    if (driver instanceof InProcessReferenceDriver inProcess) {
      long start = System.nanoTime();
      try {
        inProcess.run(run);
      } catch (Exception e) {
        throw new DriverProcessException("driver " + driver.name() + " failed: " + e, e);
      }
      return readOutcome(driver, run, Duration.ofNanos(System.nanoTime() - start), "");
    }
    List<String> command = driver.command(run.workDir());
    Files.writeString(run.workDir().resolve("command.txt"), String.join("\n", command) + "\n", StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(command).directory(run.workDir().toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    pb.environment().putAll(driver.environment());
    pb.environment().putAll(run.environment());
    long start = System.nanoTime();
    Process process = pb.start();
    boolean exited;
    try {
      exited = process.waitFor(run.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String tail = tail(stderr);
    if (!exited) {
      throw new DriverProcessException("driver " + driver.name() + " did not finish within " + run.timeout() + tail);
    }
    int exit = process.exitValue();
    if (exit != 0) {
      throw new DriverProcessException("driver " + driver.name() + " exited with status " + exit + tail);
    }
    return readOutcome(driver, run, elapsed, tail);
  }

  /** Exactly one of the output and error files, parsed; anything else is a broken driver. */
  private static DriverOutcome readOutcome(ClientDriver driver, DriverInvocation run, Duration elapsed, String tail) {
    boolean out = Files.isRegularFile(run.output());
    boolean err = Files.isRegularFile(run.error());
    if (out == err) {
      throw new DriverProcessException("driver " + driver.name() + " exited 0 but wrote " + (out ? "both" : "neither")
          + " of " + run.output().getFileName() + " and " + run.error().getFileName() + tail);
    }
    if (out) {
      CanonicalTable rows;
      try {
        rows = ArrowIpc.readFile(run.output());
      } catch (RuntimeException e) {
        throw new DriverProcessException("driver " + driver.name() + " wrote an unreadable output file: " + e.getMessage(), e);
      }
      return new DriverOutcome(Optional.of(rows), Optional.empty(), elapsed, tail);
    }
    JsonNode error;
    try {
      error = JSON.readTree(Files.readAllBytes(run.error()));
    } catch (IOException e) {
      throw new DriverProcessException("driver " + driver.name() + " wrote an unreadable error file: " + e.getMessage(), e);
    }
    if (error == null || !error.isObject()) {
      throw new DriverProcessException("driver " + driver.name() + " wrote an error file that is not a JSON object");
    }
    return new DriverOutcome(Optional.empty(), Optional.of(DriverOutcome.ClientError.from(error)), elapsed, tail);
  }

  private static String tail(Path stderr) {
    try {
      List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return "";
      }
      return "\n--- last lines of the driver's stderr ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
