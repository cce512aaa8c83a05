package dev.cclr.tck.client;

/** Thrown by {@link ConnectSession} when the server (or the transport) fails a call. */
public final class RemoteErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RemoteError error;

  public RemoteErrorException(String call, RemoteError error, Throwable cause) {
    super(call + " failed: " + error.summary(), cause);
    this.error = error;
  }

  public RemoteError error() {
    return error;
  }
}
