package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectOptions;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.RemoteErrorException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a target answers at all: one cheap Spark Connect call (AnalyzePlan spark_version) on a
 * fresh channel with a short deadline. Any answer of the server counts, an error status too (a
 * server that does not implement spark_version still answers); only a transport failure
 * (UNAVAILABLE: refused, reset, no route) or no answer before the deadline means "not answering".
 * The runner asks before the first case and after every case, so that a target that was never
 * reached is never judged and a target that dies is caught in the case that killed it.
 */
public final class TargetProbe {
  /** Long enough for a loaded machine, short enough that a dead target is found out fast. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);
  private static final Duration PROCESS_EXIT_GRACE = Duration.ofSeconds(2);

  private TargetProbe() {}

  /** Empty if the target answered; otherwise why not, e.g. "connection refused". */
  public static Optional<String> problem(Target target) {
    return problem(target, DEFAULT_DEADLINE);
  }

  public static Optional<String> problem(Target target, Duration deadline) {
    Optional<String> ended = target.processEnded();
    if (ended.isPresent()) {
      return ended;
    }
    ConnectOptions options = ConnectOptions.defaults().withCallTimeout(deadline);
    try (ConnectSession session = ConnectSession.open(target.uri(), options)) {
      session.sparkVersion();
      return Optional.empty();
    } catch (RemoteErrorException e) {
      Status.Code code = e.error().code();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        // A process that is going down closes its socket before it is reaped: give it a moment, so
        // that the report names the exit (code, log) rather than only the refused connection.
        return Optional.of(endedWithin(target, PROCESS_EXIT_GRACE).orElseGet(() -> describe(e)));
      }
      if (code == Status.Code.UNAUTHENTICATED) {
        return Optional.of("it refused the TCK's credentials (" + e.error().summary()
            + "): give the token in the connection string, sc://host:port/;token=...");
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("the probe failed: " + e);
    }
  }

  private static Optional<String> endedWithin(Target target, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (true) {
      Optional<String> ended = target.processEnded();
      if (ended.isPresent() || System.nanoTime() > deadline) {
        return ended;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return ended;
      }
    }
  }

  private static String describe(RemoteErrorException e) {
    if (e.error().code() == Status.Code.DEADLINE_EXCEEDED) {
      return "no answer within the probe's deadline (" + e.error().summary() + ")";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootText = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (rootText.toLowerCase(java.util.Locale.ROOT).contains("connection refused")) {
      return "connection refused";
    }
    return e.error().summary() + (root == e ? "" : " (" + rootText + ")");
  }
}
