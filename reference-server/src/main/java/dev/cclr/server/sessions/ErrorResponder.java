package dev.cclr.server.sessions;

import dev.cclr.server.errors.ErrorDetailsStore;
import dev.cclr.server.errors.ErrorReporter;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * Sends errors to clients like Spark: rendered by the {@link ErrorReporter}, with an errorId (and
 * details kept for FetchErrorDetails) exactly when the request's session is live at that moment.
 */
public final class ErrorResponder {

  private final ErrorReporter reporter;
  private final SessionManager sessions;

  public ErrorResponder(ErrorReporter reporter, SessionManager sessions) {
    this.reporter = reporter;
    this.sessions = sessions;
  }

  public ErrorReporter reporter() {
    return reporter;
  }

  public StatusRuntimeException toStatus(Throwable t, String userId, String sessionId) {
    ErrorDetailsStore details = sessions.find(userId, sessionId).map(Session::errors).orElse(null);
    return reporter.toStatusException(t, details);
  }

  /** Ends the call with the error; never throws (a call already closed is left alone). */
  public void fail(StreamObserver<?> observer, Throwable t, String userId, String sessionId) {
    StatusRuntimeException status = toStatus(t, userId, sessionId);
    try {
      observer.onError(status);
    } catch (IllegalStateException alreadyClosed) {
      // The call was cancelled or completed meanwhile: nobody is left to tell.
    }
  }
}
