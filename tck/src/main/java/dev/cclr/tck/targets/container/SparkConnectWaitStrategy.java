package dev.cclr.tck.targets.container;

import dev.cclr.tck.client.ConnectOptions;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.client.RemoteErrorException;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready means the server answers a Spark Connect call, not merely that its port is open: a JVM
 * server accepts connections before its service is registered, and a port check cannot tell a
 * Spark Connect server from anything else. The probe is a Config get_option of one key on a fresh
 * session, the cheapest call every server implements; any answer the server itself gives (a value,
 * or an error status other than UNAVAILABLE / DEADLINE_EXCEEDED) counts, because judging the answer
 * is the cases' job.
 */
public final class SparkConnectWaitStrategy extends AbstractWaitStrategy {
  private final ConnectUri uri;
  private String lastProblem = "no attempt yet";

  public SparkConnectWaitStrategy(ConnectUri uri) {
    this.uri = uri;
  }

  @Override
  protected void waitUntilReady() {
    ConnectOptions probe = ConnectOptions.defaults().withCallTimeout(Duration.ofSeconds(5));
    Instant deadline = Instant.now().plus(startupTimeout);
    while (Instant.now().isBefore(deadline)) {
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("the container stopped before its server answered on " + uri.socketHost()
            + ":" + uri.port() + "; its log:\n" + tail(waitStrategyTarget.getLogs()));
      }
      // A fresh channel per attempt: a channel that failed to connect backs off for seconds.
      try (ConnectSession session = ConnectSession.open(uri, probe)) {
        session.configGetOption("spark.sql.session.timeZone");
        return;
      } catch (RemoteErrorException e) {
        Status.Code code = e.error().code();
        if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED) {
          return;
        }
        lastProblem = e.error().summary();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for the server");
      }
    }
    throw new ContainerLaunchException("no Spark Connect answer on " + uri.socketHost() + ":" + uri.port() + " within "
        + startupTimeout + " (last probe: " + lastProblem + "); the container's log:\n" + tail(waitStrategyTarget.getLogs()));
  }

  public static String tail(String log) {
    String[] lines = log.split("\n");
    int from = Math.max(0, lines.length - 30);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }
}
