package dev.cclr.tck.clienttck.recording;

import dev.cclr.server.ReferenceServer;
import dev.cclr.server.errors.ErrorStyle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The conformance server of the client TCK: the reference server on a free loopback port, with a
 * {@link CallRecorder} in front and the case's {@link ServerScript} applied. One per driver run,
 * so that a recording holds exactly one client's calls.
 */
public final class RecordingServer implements AutoCloseable {

  /** The request header a driver's connection string carries, to check CLI-SEC-001. */
  public static final String CREDENTIAL_HEADER = "x-cclr-credential";

  private final ReferenceServer server;
  private final CallRecorder recorder;

  private RecordingServer(ReferenceServer server, CallRecorder recorder) {
    this.server = server;
    this.recorder = recorder;
  }

  public static RecordingServer start(ServerScript script) {
    ReferenceServer[] holder = new ReferenceServer[1];
    CallRecorder recorder = new CallRecorder(script, (user, session) -> holder[0].restartSession(user, session));
    ReferenceServer.Builder b = ReferenceServer.builder()
        .host("127.0.0.1")
        .port(0)
        .errorStyle(script.style())
        .interceptor(recorder);
    script.conf().forEach(b::sessionDefault);
    holder[0] = b.build();
    try {
      holder[0].start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the recording server", e);
    }
    return new RecordingServer(holder[0], recorder);
  }

  /** The connection string a driver gets, with the credential it must send on every call. */
  public String sparkRemote(String credential) {
    return "sc://127.0.0.1:" + server.port() + "/;" + CREDENTIAL_HEADER + "=" + credential;
  }

  public int port() {
    return server.port();
  }

  public List<CallRecord> calls() {
    return recorder.calls();
  }

  @Override
  public void close() {
    server.stop();
  }
}
