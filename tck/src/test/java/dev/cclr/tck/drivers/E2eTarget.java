package dev.cclr.tck.drivers;

import java.util.Optional;

/** The server the end-to-end tests point the real client at. */
interface E2eTarget extends AutoCloseable {

  /** The {@code SPARK_REMOTE} of the server, e.g. {@code sc://127.0.0.1:15002}. */
  String sparkRemote();

  /** For reports and assertion messages. */
  String description();

  /**
   * What the server received, recorded on the server side. Only servers running in this JVM
   * (the reference server) have one; for them the tests also check the plan they were sent.
   */
  Optional<ExecutePlanRecorder> recorder();

  @Override
  void close() throws Exception;
}
