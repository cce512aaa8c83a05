package dev.cclr.tck.clienttck.drivers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a driver, in the terms of the driver contract (spec chapter 14): the server, the
 * input file, where the output or the error goes, how often to repeat, in which folder, and in
 * which form to hand the rows to the client (empty: the driver's usual form).
 */
public record DriverInvocation(
    String caseId, String sparkRemote, Path input, int repeat, Path workDir, Duration timeout,
    Optional<InputForm> inputForm) {

  public DriverInvocation {
    java.util.Objects.requireNonNull(inputForm, "inputForm");
  }

  /** A run in the driver's usual input form. */
  public DriverInvocation(String caseId, String sparkRemote, Path input, int repeat, Path workDir, Duration timeout) {
    this(caseId, sparkRemote, input, repeat, workDir, timeout, Optional.empty());
  }

  public Path output() { return workDir.resolve("output.arrow"); }

  public Path error() { return workDir.resolve("error.json"); }

  /** The contract's environment variables. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_REMOTE", sparkRemote);
    env.put("CCLR_INPUT", input.toAbsolutePath().toString());
    env.put("CCLR_OUTPUT", output().toAbsolutePath().toString());
    env.put("CCLR_ERROR", error().toAbsolutePath().toString());
    env.put("CCLR_REPEAT", Integer.toString(repeat));
    env.put("CCLR_CASE", caseId);
    inputForm.ifPresent(f -> env.put("CCLR_INPUT_FORM", f.id()));
    return env;
  }
}
