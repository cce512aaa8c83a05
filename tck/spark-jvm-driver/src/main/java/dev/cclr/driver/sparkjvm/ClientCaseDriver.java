package dev.cclr.driver.sparkjvm;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point of the client driver contract (spec chapter 14): runs one TCK client case through
 * the real Spark Connect JVM client. Reads the rows of the Arrow file {@code CCLR_INPUT}, creates
 * a DataFrame from them and collects it ({@code CCLR_REPEAT} times) against {@code SPARK_REMOTE},
 * and writes either the collected rows to the Arrow file {@code CCLR_OUTPUT} or the client's error
 * to the JSON file {@code CCLR_ERROR}.
 *
 * <p>Exit status: 0 when exactly one of the two files was written; 2 for a usage error (a variable
 * missing or malformed; nothing written); 1 when the driver itself failed (an unreadable input or
 * a type outside the contract, an unwritable output, a client jar whose API does not match).
 */
public final class ClientCaseDriver {

  static final int EXIT_RAN = 0;
  static final int EXIT_DRIVER_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private static final String NAME = "cclr-client-case-driver";

  private ClientCaseDriver() {}

  public static void main(String[] argv) {
    int status;
    try {
      status = run(System.getenv(), System.err);
    } catch (Throwable t) {
      // Anything unforeseen must not leave the JVM hanging on the client's non-daemon threads.
      t.printStackTrace();
      status = EXIT_DRIVER_FAILURE;
    }
    // The client leaves gRPC threads behind; the result is on disk, so leave now.
    System.exit(status);
  }

  static int run(Map<String, String> environment, PrintStream log) {
    ClientCaseEnv env;
    try {
      env = ClientCaseEnv.from(environment);
    } catch (UsageException e) {
      log.println(NAME + ": " + e.getMessage());
      log.println(ClientCaseEnv.USAGE);
      return EXIT_USAGE;
    }
    log.println(NAME + " case " + env.caseId() + ": client " + SparkJvmDriver.clientVersion()
        + ", remote " + env.sparkRemote() + ", repeat " + env.repeat());

    LocalData input;
    try {
      input = ArrowInput.read(env.input());
    } catch (IOException | RuntimeException e) {
      log.println(NAME + ": cannot read CCLR_INPUT " + env.input() + ": " + e);
      return EXIT_DRIVER_FAILURE;
    }
    log.println("  input: " + input.rows().size() + " rows, " + input.schema().toDDL());

    // The outcome is written before the session is closed, so a close that hangs cannot lose it.
    try (ClientCase clientCase = new ClientCase(env.sparkRemote(), log)) {
      ClientCase.Outcome outcome = clientCase.run(input, env.repeat());
      if (outcome instanceof ClientCase.Collected c) {
        AtomicFiles.write(env.output(), tmp -> ArrowOutput.write(c.data(), tmp));
        log.println("  output: " + c.data().rows().size() + " rows, " + c.data().schema().toDDL());
      } else if (outcome instanceof ClientCase.Failed f) {
        AtomicFiles.writeString(env.error(), Json.write(f.error()));
        log.println("  error written to " + env.error());
      }
    } catch (IOException | RuntimeException e) {
      log.println(NAME + ": cannot write the result: " + e);
      return EXIT_DRIVER_FAILURE;
    }
    return EXIT_RAN;
  }
}
