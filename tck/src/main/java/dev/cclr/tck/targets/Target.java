package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;

/**
 * A Spark Connect server the TCK talks to. Every case opens its own sessions, so cases cannot see
 * each other's blobs or configuration.
 */
public interface Target extends AutoCloseable {

  /** What is under test, for reports (e.g. "reference-server", "Apache Spark 4.2.0"). */
  String implementation();

  /** How it was named on the command line (e.g. "embedded", "spark:4.2.0", "sc://..."). */
  String name();

  /** Where it listens. */
  ConnectUri uri();

  /** A new session (fresh session id, same user) on this target. */
  default ConnectSession openSession() {
    return ConnectSession.open(uri().withSessionId(java.util.UUID.randomUUID().toString()));
  }

  /**
   * Whether the TCK started this target and can start it again (a new process, container or
   * in-process server from the same name). After a crash the run restarts a managed target and goes
   * on; a target it merely connects to ({@code sc://}) cannot be restarted.
   */
  default boolean managed() { return true; }

  /** For a target the TCK runs as a process: why that process is gone, if it is ("exited with code 134"). */
  default java.util.Optional<String> processEnded() { return java.util.Optional.empty(); }

  @Override
  void close();
}
