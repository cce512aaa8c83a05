package dev.cclr.driver.sparkjvm;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment of the client driver contract (spec chapter 14.1), checked: {@code
 * SPARK_REMOTE}, {@code CCLR_INPUT}, {@code CCLR_OUTPUT}, {@code CCLR_ERROR}, {@code CCLR_REPEAT}
 * (default 1) and {@code CCLR_CASE} (for the logs only). A missing or malformed variable is a
 * {@link UsageException}.
 */
record ClientCaseEnv(String sparkRemote, Path input, Path output, Path error, int repeat, String caseId) {

  static final String USAGE = String.join("\n",
      "usage: SPARK_REMOTE=sc://HOST:PORT[/;k=v...] CCLR_INPUT=in.arrow CCLR_OUTPUT=out.arrow \\",
      "       CCLR_ERROR=error.json [CCLR_REPEAT=1] [CCLR_CASE=id] \\",
      "       java ... dev.cclr.driver.sparkjvm.ClientCaseDriver",
      "The client driver contract: spec/14-client-driver-contract.md");

  static ClientCaseEnv from(Map<String, String> env) {
    String remote = required(env, "SPARK_REMOTE");
    if (!remote.startsWith("sc://")) {
      throw new UsageException("SPARK_REMOTE is not a Spark Connect connection string (sc://...): " + remote);
    }
    Path input = path(env, "CCLR_INPUT");
    if (!Files.isRegularFile(input)) {
      throw new UsageException("CCLR_INPUT is not a file: " + input);
    }
    Path output = path(env, "CCLR_OUTPUT");
    Path error = path(env, "CCLR_ERROR");
    if (output.toAbsolutePath().normalize().equals(error.toAbsolutePath().normalize())) {
      throw new UsageException("CCLR_OUTPUT and CCLR_ERROR are the same file: " + output);
    }
    String caseId = env.getOrDefault("CCLR_CASE", "");
    return new ClientCaseEnv(remote, input, output, error, repeat(env.get("CCLR_REPEAT")), caseId);
  }

  private static int repeat(String value) {
    if (value == null || value.isBlank()) {
      return 1;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("CCLR_REPEAT is not a positive integer: " + value);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(name + " is not set");
    }
    return value;
  }

  private static Path path(Map<String, String> env, String name) {
    String value = required(env, name);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(name + " is not a path: " + value);
    }
  }
}
